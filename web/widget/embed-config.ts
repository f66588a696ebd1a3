/** What the embedding `<script>` tag says: the server, and the look. */
export interface EmbedConfig {
  /** Baton's origin, read from the script's own src ("https://baton.example"). */
  readonly origin: string;
  readonly color: string;
  readonly greeting: string | null;
  /** The greeting in other languages (`data-greeting-es="¡Hola!"`), by language code. */
  readonly greetings: Readonly<Record<string, string>>;
  readonly position: "left" | "right";
  /** "auto" or a language code. */
  readonly lang: string;
  /** The widget key (`data-site`): picks the bot that answers this site's visitors. */
  readonly site: string | null;
}

export const DEFAULT_COLOR = "#4f46e5";

/** The attributes and src of the script tag, as plain data (so this is testable without a DOM). */
export interface ScriptTag {
  readonly src: string | null;
  readonly dataset: Readonly<Record<string, string | undefined>>;
}

/**
 * Reads the tag `<script src="https://baton.example/widget.js" data-color="#4f46e5"
 * data-greeting="Hi!" data-greeting-es="¡Hola!" data-position="right" data-lang="auto">`.
 * `data-server` overrides the origin.
 * @example
 * readEmbedConfig({ src: "https://baton.example/widget.js", dataset: {} }, "https://shop.example/").origin; // "https://baton.example"
 */
export function readEmbedConfig(tag: ScriptTag | null, pageUrl: string, isColor: (c: string) => boolean = () => true): EmbedConfig {
  const d = tag?.dataset ?? {};
  const base = d.server ?? tag?.src ?? pageUrl;
  let origin: string;
  try {
    origin = new URL(base, pageUrl).origin;
  } catch {
    origin = new URL(pageUrl).origin;
  }
  const color = d.color?.trim();
  const greeting = d.greeting?.trim();
  const greetings: Record<string, string> = {};
  for (const [key, value] of Object.entries(d)) {
    const lang = /^greeting([A-Z][a-z]{1,2})$/.exec(key)?.[1]?.toLowerCase();
    if (lang !== undefined && value?.trim()) greetings[lang] = value.trim();
  }
  return {
    origin,
    color: color && isColor(color) ? color : DEFAULT_COLOR,
    greeting: greeting ? greeting : null,
    greetings,
    position: d.position === "left" ? "left" : "right",
    lang: d.lang?.trim() || "auto",
    site: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(d.site?.trim() ?? "") ? (d.site?.trim() ?? null) : null,
  };
}

/** The greeting for the widget's language: its own `data-greeting-<lang>`, else `data-greeting`. */
export function greetingFor(config: Pick<EmbedConfig, "greeting" | "greetings">, lang: string): string | null {
  return config.greetings[lang.toLowerCase()] ?? config.greeting;
}

/** Black or white, whichever reads better on `hex` (#rgb or #rrggbb; white otherwise). */
export function textOn(hex: string): "#000" | "#fff" {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (m === null) return "#fff";
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? "#000" : "#fff";
}
