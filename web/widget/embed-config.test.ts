import { describe, expect, it } from "vitest";
import { DEFAULT_COLOR, greetingFor, readEmbedConfig, textOn } from "./embed-config.js";

describe("readEmbedConfig", () => {
  const page = "https://shop.example/products/tent?x=1";

  it("reads the server origin from the script's own src and the look from data attributes", () => {
    const c = readEmbedConfig(
      { src: "https://baton.example:8443/widget.js", dataset: { color: "#123456", greeting: " Hi! ", position: "left", lang: "fr", site: "shop-rasa" } },
      page,
    );
    expect(c).toEqual({ origin: "https://baton.example:8443", color: "#123456", greeting: "Hi!", greetings: {}, position: "left", lang: "fr", site: "shop-rasa" });
  });

  it("falls back to sane defaults (page origin, default colour, right, auto)", () => {
    const c = readEmbedConfig({ src: "/widget.js", dataset: { color: "not a colour", position: "middle", greeting: "  ", site: "no spaces allowed" } }, page, (x) => x.startsWith("#"));
    expect(c).toEqual({ origin: "https://shop.example", color: DEFAULT_COLOR, greeting: null, greetings: {}, position: "right", lang: "auto", site: null });
    expect(readEmbedConfig(null, page).origin).toBe("https://shop.example");
  });

  it("greets in the widget's language when the page gives that language's greeting, else in the page's default", () => {
    const c = readEmbedConfig({ src: "/widget.js", dataset: { greeting: "Hi!", greetingEs: " ¡Hola! ¿En qué podemos ayudarte? ", greetingFr: "  ", greetingsX: "not a language" } }, page);
    expect(c.greetings).toEqual({ es: "¡Hola! ¿En qué podemos ayudarte?" });
    expect(greetingFor(c, "es")).toBe("¡Hola! ¿En qué podemos ayudarte?");
    expect(greetingFor(c, "fr")).toBe("Hi!");
    expect(greetingFor(readEmbedConfig({ src: "/widget.js", dataset: { greetingDe: "Hallo!" } }, page), "en")).toBeNull();
  });

  it("lets data-server override the origin", () => {
    expect(readEmbedConfig({ src: "https://cdn.example/widget.js", dataset: { server: "https://chat.example/" } }, page).origin).toBe("https://chat.example");
  });
});

describe("textOn", () => {
  it("picks white on dark colours and black on light ones", () => {
    expect(textOn("#4f46e5")).toBe("#fff");
    expect(textOn("#000")).toBe("#fff");
    expect(textOn("#ffd400")).toBe("#000");
    expect(textOn("#fff")).toBe("#000");
    expect(textOn("rebeccapurple")).toBe("#fff");
  });
});
