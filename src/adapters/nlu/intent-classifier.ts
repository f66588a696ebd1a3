import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { containerBootstrap } from "@nlpjs/core";
import { LangDe } from "@nlpjs/lang-de";
import { LangEn } from "@nlpjs/lang-en";
import { LangEs } from "@nlpjs/lang-es";
import { LangFr } from "@nlpjs/lang-fr";
import { LangPt } from "@nlpjs/lang-pt";
import { Nlp } from "@nlpjs/nlp";
import type { BotCorpus } from "./corpus.schema.js";
import { tokenize } from "./tokens.js";

/** Bump when training settings change so old cached models are not reused. */
const MODEL_FORMAT = "baton-nlu-1";
const LANG_PLUGINS: Readonly<Record<string, unknown>> = { en: LangEn, es: LangEs, fr: LangFr, de: LangDe, pt: LangPt };

export interface IntentScore {
  readonly intent: string;
  readonly confidence: number;
}

export interface IntentClassification {
  readonly intent: string;
  readonly confidence: number;
  readonly alternatives: readonly IntentScore[];
}

export interface IntentClassifier {
  /** Languages with a trained model; others are classified with the default language's model. */
  readonly languages: readonly string[];
  /** How the model was obtained, and how long it took (ms). */
  readonly origin: { readonly kind: "trained" | "cache"; readonly ms: number };
  classify(text: string, language: string): Promise<IntentClassification>;
}

/** Share of a message's words the corpus knows (prefix match), per language. */
function vocabulary(corpus: BotCorpus): Map<string, Set<string>> {
  const vocab = new Map<string, Set<string>>();
  for (const intent of corpus.intents) {
    for (const [lang, utterances] of Object.entries(intent.utterances)) {
      const set = vocab.get(lang) ?? new Set<string>();
      for (const u of utterances) for (const t of tokenize(u)) set.add(t.norm.slice(0, 5));
      vocab.set(lang, set);
    }
  }
  return vocab;
}

function coverage(text: string, known: ReadonlySet<string> | undefined): number {
  const words = tokenize(text).filter((t) => /\p{L}/u.test(t.norm));
  if (words.length === 0 || !known) return 0;
  let hits = 0;
  for (const w of words) if (known.has(w.norm.slice(0, 5))) hits++;
  return hits / words.length;
}

/** Exponent of the calibration curve, fitted on Bitext's train split (ECE 0.129 at 1 → 0.046 at 0.5). */
export const CALIBRATION_POWER = 0.5;

/**
 * Calibrated confidence from the NLP.js score and word coverage: a message made mostly of words the
 * corpus never saw cannot be understood with certainty, however peaked the softmax is. The power
 * curve was fitted on Bitext's train split; `npm run eval:nlu` reports calibration on the validation split.
 * @example
 * calibrate(0.9, 1) // 0.949
 * calibrate(0.9, 0.25) // 0.671
 */
export function calibrate(rawScore: number, wordCoverage: number): number {
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  const c = (clamp(rawScore) * Math.sqrt(clamp(wordCoverage))) ** CALIBRATION_POWER;
  return Math.round(c * 1000) / 1000;
}

/** Loads a cached model; false (and the caller retrains) when the file is damaged or from another version. */
function importModel(nlp: Nlp, json: string): boolean {
  try {
    nlp.import(json);
    return true;
  } catch {
    return false;
  }
}

async function newNlp(languages: readonly string[]): Promise<Nlp> {
  const container = await containerBootstrap();
  for (const lang of languages) {
    const plugin = LANG_PLUGINS[lang];
    if (plugin) container.use(plugin);
  }
  const nlp = new Nlp(
    { languages: [...languages], autoSave: false, autoLoad: false, calculateSentiment: false, nlu: { log: false }, log: false },
    container,
  );
  nlp.addLanguage([...languages]);
  return nlp;
}

/**
 * Trains (or loads from `cacheDir`, keyed by a hash of the corpus text) an NLP.js intent model for
 * every corpus language with an NLP.js language package.
 * @example
 * const classifier = await createIntentClassifier(corpus, corpusText, ".baton/nlu");
 * (await classifier.classify("where is my order", "en")).intent // "orders.status"
 */
export async function createIntentClassifier(corpus: BotCorpus, corpusText: string, cacheDir: string | null): Promise<IntentClassifier> {
  const started = performance.now();
  const languages = corpus.settings.languages.filter((l) => l in LANG_PLUGINS);
  const nlp = await newNlp(languages);
  const key = createHash("sha256").update(MODEL_FORMAT).update("\0").update(corpusText).digest("hex").slice(0, 32);
  const cacheFile = cacheDir ? join(cacheDir, `nlu-model-${key}.json`) : null;
  let kind: "trained" | "cache" = "trained";
  const cached = cacheFile ? await readFile(cacheFile, "utf8").catch(() => null) : null;
  if (cached && importModel(nlp, cached)) {
    kind = "cache";
  } else {
    for (const intent of corpus.intents) {
      for (const [lang, utterances] of Object.entries(intent.utterances)) {
        if (!languages.includes(lang)) continue;
        for (const u of utterances) nlp.addDocument(lang, u, intent.name);
      }
    }
    await nlp.train();
    if (cacheFile && cacheDir) {
      await mkdir(cacheDir, { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      await writeFile(tmp, nlp.export(true));
      await rename(tmp, cacheFile);
    }
  }
  const vocab = vocabulary(corpus);
  const fallback = corpus.settings.defaultLanguage;
  return {
    languages,
    origin: { kind, ms: performance.now() - started },
    async classify(text, language) {
      const lang = languages.includes(language) ? language : fallback;
      const result = await nlp.nluManager.process(lang, text);
      const cover = coverage(text, vocab.get(lang));
      const scores = (result.classifications ?? [])
        .filter((c) => c.intent !== "None")
        .map((c) => ({ intent: c.intent, confidence: calibrate(c.score, cover) }))
        .sort((a, b) => b.confidence - a.confidence);
      const top = scores[0];
      if (!top || result.intent === "None") return { intent: "none", confidence: 0, alternatives: scores.slice(0, 3) };
      if (top.intent === "none") {
        // Confidently out of scope is still "not understood" for the bot: report the best real intent.
        const best = scores.find((s) => s.intent !== "none");
        return { intent: "none", confidence: best?.confidence ?? 0, alternatives: scores.filter((s) => s.intent !== "none").slice(0, 3) };
      }
      return { intent: top.intent, confidence: top.confidence, alternatives: scores.slice(1, 4) };
    },
  };
}
