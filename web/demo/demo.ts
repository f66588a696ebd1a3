/** The demo shop's buttons call the widget's page API (window.BatonWidget). */
interface BatonWidgetApi {
  open(): void;
  identify(visitor: { email: string }): void;
}

const widget = (): BatonWidgetApi | undefined => (window as unknown as { BatonWidget?: BatonWidgetApi }).BatonWidget;

document.getElementById("open-chat")?.addEventListener("click", () => widget()?.open());
document.getElementById("identify")?.addEventListener("click", () => {
  widget()?.identify({ email: "lena.vogel@example.de" });
  widget()?.open();
});
