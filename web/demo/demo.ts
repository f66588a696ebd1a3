/** The demo shop's buttons call the widget's page API (window.BatonWidget). */
interface BatonWidgetApi {
  open(): void;
  identify(visitor: { email: string; userHash?: string; identityToken?: string }): void;
}

const widget = (): BatonWidgetApi | undefined => (window as unknown as { BatonWidget?: BatonWidgetApi }).BatonWidget;

/**
 * What a real shop does for a signed-in customer: its own server signs who they are (here the
 * demo server's /demo/identity), and the page hands that proof to the widget.
 */
async function signedIdentity(email: string): Promise<{ email: string; identityToken?: string }> {
  try {
    const res = await fetch("/demo/identity", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email }) });
    if (res.ok) return (await res.json()) as { email: string; identityToken: string };
  } catch {
    // no demo signer: the e-mail goes unverified
  }
  return { email };
}

document.getElementById("open-chat")?.addEventListener("click", () => widget()?.open());
document.getElementById("identify")?.addEventListener("click", () => {
  void signedIdentity("lena.vogel@example.de").then((identity) => {
    widget()?.identify(identity);
    widget()?.open();
  });
});
