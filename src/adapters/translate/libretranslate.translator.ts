import { z } from "zod";
import type { Lang } from "../../core/model.js";
import { toAlpha2 } from "../../core/translation/iso639.js";
import type { Translator } from "../../ports/translator.js";
import { fetchJson } from "./http-json.js";
import { createPivotTranslator } from "./pivot-translator.js";

export interface LibreTranslateOptions {
  /** The API's base URL (LibreTranslate, or a hosted service with the same JSON API). */
  readonly url: string;
  readonly timeoutMs: number;
  /** Sent as `api_key` where the server asks for one. */
  readonly apiKey?: string | null;
}

const languagesAnswer = z.array(z.object({ code: z.string(), targets: z.array(z.string()).optional() }));
const translateAnswer = z.object({ translatedText: z.string() });

/**
 * A LibreTranslate-compatible HTTP API: `GET /languages` (each language with its targets) and
 * `POST /translate {q, source, target, format}`. Codes are ISO 639-1 already; regional ones
 * ("zh-Hant", "pt-BR") are left out of routing.
 */
export function createLibreTranslateTranslator(options: LibreTranslateOptions): Translator {
  const base = options.url.replace(/\/+$/, "");
  const key = options.apiKey ?? null;
  return createPivotTranslator({
    name: "libretranslate",
    async directPairs() {
      const answer = await fetchJson(`${base}/languages`, { method: "GET" }, options.timeoutMs, languagesAnswer, "LibreTranslate");
      const codes = answer.map((l) => l.code);
      const out: { from: Lang; to: Lang }[] = [];
      for (const l of answer) {
        const from = toAlpha2(l.code);
        if (from === null) continue;
        // Old servers list no targets: every other language is one.
        for (const t of l.targets ?? codes) {
          const to = toAlpha2(t);
          if (to !== null && to !== from) out.push({ from, to });
        }
      }
      return out;
    },
    async translateDirect(text: string, from: Lang, to: Lang) {
      const body = JSON.stringify({ q: text, source: from, target: to, format: "text", ...(key === null ? {} : { api_key: key }) });
      const init = { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body };
      return (await fetchJson(`${base}/translate`, init, options.timeoutMs, translateAnswer, "LibreTranslate")).translatedText;
    },
  });
}
