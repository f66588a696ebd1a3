import { resolve } from "node:path";
import type { Nlu } from "../../ports/nlu.js";
import { loadCorpus } from "./corpus.js";
import type { BotCorpus } from "./corpus.schema.js";
import { createIntentClassifier } from "./intent-classifier.js";
import { createLanguageDetector, type EldSize } from "./language-detector.js";
import { createNluAdapter } from "./nlu.adapter.js";
import { createSentimentScorer } from "./sentiment-scorer.js";

export interface CreateNluOptions {
  /** YAML corpus; default config/bot-corpus.yaml (relative to the working directory). */
  readonly corpusFile?: string;
  /** Where the trained model is cached, keyed by a hash of the corpus; default .baton/nlu. null: no cache. */
  readonly cacheDir?: string | null;
  /** eld database size; default "large" (most accurate on short messages, about 2 s to load once). */
  readonly eldSize?: EldSize;
}

export const DEFAULT_CORPUS_FILE = "config/bot-corpus.yaml";
export const DEFAULT_CACHE_DIR = ".baton/nlu";
export const DEFAULT_ELD_SIZE: EldSize = "large";

/**
 * Loads the bot corpus, trains or loads the cached intent model, and returns the NLU port with the
 * corpus attached (for `answerFor`). Throws `CorpusError` at start-up when the corpus is invalid.
 * @example
 * const nlu = await createNlu({ corpusFile: "config/bot-corpus.yaml" });
 * const reading = await nlu.analyze("where is my order 12345?");
 * reading.topic // "orders"
 */
export async function createNlu(options: CreateNluOptions = {}): Promise<Nlu & { corpus: BotCorpus }> {
  const corpusFile = resolve(options.corpusFile ?? DEFAULT_CORPUS_FILE);
  const cacheDir = options.cacheDir === null ? null : resolve(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const { corpus, text } = await loadCorpus(corpusFile);
  const [classifier, language, sentiment] = await Promise.all([
    createIntentClassifier(corpus, text, cacheDir),
    createLanguageDetector({ size: options.eldSize ?? DEFAULT_ELD_SIZE, fallback: corpus.settings.defaultLanguage }),
    createSentimentScorer(),
  ]);
  const nlu = createNluAdapter({ corpus, classifier, language, sentiment });
  return { analyze: nlu.analyze, corpus };
}
