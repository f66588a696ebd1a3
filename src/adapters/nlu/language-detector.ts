import { eld } from "eld";
import { type EldInstance, loadCompactEld } from "./eld-database.js";
import { FUNCTION_WORDS } from "./function-words.js";
import { tokenize } from "./tokens.js";

/** eld database sizes; larger is more accurate on short text but loads slower (see scripts/eval-nlu.ts). */
export type EldSize = "extrasmall" | "small" | "medium" | "large";

export interface LanguageGuess {
  readonly language: string;
  /** 0..1: how far the best guess is ahead of the runner-up, lowered when eld says unreliable. */
  readonly confidence: number;
}

export interface LanguageDetector {
  detect(text: string, previousLanguage?: string): LanguageGuess;
}

function functionWordHits(text: string): Map<string, number> {
  const hits = new Map<string, number>();
  for (const token of tokenize(text)) {
    for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
      if (words.has(token.norm)) hits.set(lang, (hits.get(lang) ?? 0) + 1);
    }
  }
  return hits;
}

/** eld's best guess; when eld is unsure, the supported language whose function words the message uses ("hi"). */
function arbitrate(ranked: readonly [string, number][], reliable: boolean, text: string): [string, number] {
  const best = ranked[0]!;
  if (reliable) return best;
  const hits = functionWordHits(text);
  if (hits.size === 0) return best;
  let choice = best;
  let choiceHits = hits.get(best[0]) ?? 0;
  for (const [lang, count] of hits) {
    const score = ranked.find(([l]) => l === lang)?.[1] ?? 0;
    if (count > choiceHits) {
      choice = [lang, score];
      choiceHits = count;
    }
  }
  return choice;
}

/** Short words that may sit inside a quoted title ("Limit of Love", "The House of the Yellow Carpet"). */
const TITLE_JOINERS = new Set("of the a an and to in on at for with from by or de la le el da do del von und der die das".split(" "));
const WORD_RUN = /\S+/gu;
const CAPITALISED = /^[("'“‘«]?\p{Lu}/u;

/**
 * The message without the titles it quotes: runs of two or more capitalised words (short joiners
 * like "of", "the" allowed between them) that do not start the message, and text in quotes. "Zeige
 * die TV-Show Limit of Love" → "Zeige die TV-Show"; a German request for an English song is German.
 * @example
 * withoutTitles("Ich möchte das Album hören Since I Saw You Last") // "Ich möchte das Album hören"
 */
export function withoutTitles(text: string): string {
  const unquoted = text.replace(/["“«][^"”»]*["”»]/gu, " ");
  const tokens = unquoted.match(WORD_RUN) ?? [];
  const keep: boolean[] = tokens.map(() => true);
  let i = 1;
  while (i < tokens.length) {
    if (!CAPITALISED.test(tokens[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let caps = 0;
    let end = i;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (CAPITALISED.test(t)) {
        caps++;
        end = j + 1;
      } else if (!TITLE_JOINERS.has(t.toLowerCase())) break;
      j++;
    }
    if (caps >= 2) for (let k = i; k < end; k++) keep[k] = false;
    i = Math.max(end, i + 1);
  }
  return tokens.filter((_, k) => keep[k]).join(" ");
}

/** Letters the rest of a message needs (without its quoted titles) to be read instead of the whole. */
const MIN_REST_LETTERS = 6;

/** Messages this short (in letters) lean on the conversation's previous language when it is close. */
const SHORT_LETTERS = 24;
/** A previous language within this fraction of the best score wins on a short message. */
const PREVIOUS_MARGIN = 0.85;

/**
 * Loads an eld database and returns a detector for chat messages. Any language eld knows can come
 * back (unsupported ones are routed through translation-enabled agents). With no letters at all, the
 * previous language (or `fallback`) is returned with confidence 0.
 * @example
 * const detector = await createLanguageDetector({ size: "medium", fallback: "en" });
 * detector.detect("¿dónde está mi pedido?").language // "es"
 * detector.detect("ok", "de").language // "de"
 */
export async function createLanguageDetector(options: {
  size: EldSize;
  fallback: string;
  /** The compact copy of the "large" database (`npm run train:nlu`, eld-database.ts): loads ~4x faster. */
  compactDatabase?: string | null;
}): Promise<LanguageDetector> {
  const compact = options.size === "large" && options.compactDatabase ? await loadCompactEld(options.compactDatabase) : null;
  const instance: EldInstance = compact ?? eld.newInstance();
  // The dynamic entry ("eld") has load(); its typings only expose it on a non-exported interface.
  if (compact === null) await (instance as unknown as { load(size: string): Promise<unknown> }).load(options.size);
  return {
    detect(text, previousLanguage) {
      const keep = previousLanguage ?? options.fallback;
      const letters = text.replace(/[^\p{L}]/gu, "").length;
      if (letters === 0) return { language: keep, confidence: 0 };
      const rest = withoutTitles(text);
      const result = instance.detect(rest !== text && rest.replace(/[^\p{L}]/gu, "").length >= MIN_REST_LETTERS ? rest : text);
      const ranked = Object.entries(result.getScores()).sort((a, b) => b[1] - a[1]);
      if (ranked.length === 0 || !result.language) return { language: keep, confidence: 0 };
      const best = arbitrate(ranked, result.isReliable(), text);
      const second = ranked.find(([lang]) => lang !== best[0]);
      const margin = second && best[1] > 0 ? Math.max(0, (best[1] - second[1]) / best[1]) : 1;
      const confidence = Math.max(0, Math.min(1, (result.isReliable() ? 0.5 : 0) + 0.5 * margin));
      if (previousLanguage && previousLanguage !== best[0] && letters <= SHORT_LETTERS) {
        const previousScore = ranked.find(([lang]) => lang === previousLanguage)?.[1] ?? 0;
        if (previousScore >= best[1] * PREVIOUS_MARGIN || !result.isReliable()) {
          return { language: previousLanguage, confidence: Math.min(confidence, 0.5) };
        }
      }
      return { language: best[0], confidence };
    },
  };
}
