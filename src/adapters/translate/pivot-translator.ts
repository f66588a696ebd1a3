import type { Lang } from "../../core/model.js";
import { type TranslationPair, withPivots } from "../../core/translation/pairs.js";
import { type Translation, type Translator, TranslatorError, type TranslatorHealth } from "../../ports/translator.js";

/** What a translation server offers by itself: its direct pairs and one direct translation. */
export interface DirectBackend {
  readonly name: string;
  directPairs(): Promise<readonly { readonly from: Lang; readonly to: Lang }[]>;
  translateDirect(text: string, from: Lang, to: Lang): Promise<string>;
}

/**
 * The Translator port over a backend's direct pairs: directions without a direct pair go
 * through a third language (`withPivots`), two translations, and the result says so (`via`).
 * The pairs are remembered for `pairsTtlMs` (health checks and `pairs()` refresh them).
 */
export function createPivotTranslator(backend: DirectBackend, pairsTtlMs = 60_000): Translator {
  let cached: { readonly at: number; readonly pairs: readonly TranslationPair[] } | null = null;

  const pairs = async (): Promise<readonly TranslationPair[]> => {
    const pairs = withPivots(await backend.directPairs());
    cached = { at: Date.now(), pairs };
    return pairs;
  };
  const knownPairs = async (): Promise<readonly TranslationPair[]> =>
    cached !== null && Date.now() - cached.at < pairsTtlMs ? cached.pairs : pairs();

  return {
    name: backend.name,
    pairs,
    async translate(text: string, from: Lang, to: Lang): Promise<Translation> {
      if (from === to) return { text, from, to, via: null };
      const route = (await knownPairs()).find((p) => p.from === from && p.to === to);
      if (route === undefined) throw new TranslatorError("unsupported_pair", `${backend.name} cannot translate ${from} to ${to}, directly or through another language`);
      if (route.via === null) return { text: await backend.translateDirect(text, from, to), from, to, via: null };
      const middle = await backend.translateDirect(text, from, route.via);
      return { text: await backend.translateDirect(middle, route.via, to), from, to, via: route.via };
    },
    async health(): Promise<TranslatorHealth> {
      try {
        const list = await pairs();
        return list.length > 0 ? { healthy: true } : { healthy: false, message: `${backend.name} lists no language pairs` };
      } catch (e) {
        return { healthy: false, message: (e as Error).message };
      }
    },
  };
}
