import { z } from "zod";
import type { Lang } from "../../core/model.js";
import { toAlpha2, toAlpha3 } from "../../core/translation/iso639.js";
import type { Translator } from "../../ports/translator.js";
import { fetchJson } from "./http-json.js";
import { createPivotTranslator } from "./pivot-translator.js";

export interface ApertiumOptions {
  /** APY's base URL, e.g. "http://127.0.0.1:2737". */
  readonly url: string;
  /** Each HTTP call; a pivoted translation makes two. */
  readonly timeoutMs: number;
}

const listPairsAnswer = z.object({
  responseData: z.array(z.object({ sourceLanguage: z.string(), targetLanguage: z.string() })),
});
const translateAnswer = z.object({ responseData: z.object({ translatedText: z.string() }) });

/**
 * Apertium APY (Debian's `apertium-apy` serving the installed pair packages). APY names
 * languages with ISO 639-3 codes ("spa|eng") and lists regional variants ("eng_US", "por_BR");
 * Baton uses ISO 639-1 ("es", "en"), so codes are converted here and variants left out.
 * Unknown words are not marked (`markUnknown=no`): the visitor reads no asterisks.
 */
export function createApertiumTranslator(options: ApertiumOptions): Translator {
  const base = options.url.replace(/\/+$/, "");
  return createPivotTranslator({
    name: "apertium",
    async directPairs() {
      const answer = await fetchJson(`${base}/listPairs`, { method: "GET" }, options.timeoutMs, listPairsAnswer, "Apertium APY");
      const out: { from: Lang; to: Lang }[] = [];
      for (const p of answer.responseData) {
        const from = toAlpha2(p.sourceLanguage);
        const to = toAlpha2(p.targetLanguage);
        if (from !== null && to !== null) out.push({ from, to });
      }
      return out;
    },
    async translateDirect(text: string, from: Lang, to: Lang) {
      const query = new URLSearchParams({ langpair: `${toAlpha3(from)}|${toAlpha3(to)}`, q: text, markUnknown: "no" });
      const answer = await fetchJson(`${base}/translate`, { method: "POST", body: query }, options.timeoutMs, translateAnswer, "Apertium APY");
      return answer.responseData.translatedText.trim();
    },
  });
}
