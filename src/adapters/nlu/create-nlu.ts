import { join, resolve } from "node:path";
import { ELD_DATABASE_FILE } from "./eld-database.js";
import type { Nlu } from "../../ports/nlu.js";
import { loadCorpus } from "./corpus.js";
import type { BotCorpus } from "./corpus.schema.js";
import { createIntentClassifier } from "./intent-classifier.js";
import { createLanguageDetector, type EldSize } from "./language-detector.js";
import { createNluAdapter } from "./nlu.adapter.js";
import { createFrustrationScorer, type FrustrationScorer } from "./frustration.js";
import { createLinearIntentClassifier } from "./linear-intent-classifier.js";
import { FRUSTRATION_MODEL_FILE, INTENT_MODEL_FILE, loadModelFile, MODEL_DIR, QUESTION_MODEL_FILE } from "./linear/model-files.js";
import { createQuestionReader, type QuestionReader } from "./question.js";
import type { IntentClassifier } from "./intent-classifier.js";
import { createSentimentScorer } from "./sentiment-scorer.js";

export interface CreateNluOptions {
  /** YAML corpus; default config/bot-corpus.yaml (relative to the working directory). */
  readonly corpusFile?: string;
  /** Where the trained model is cached, keyed by a hash of the corpus; default .baton/nlu. null: no cache. */
  readonly cacheDir?: string | null;
  /** eld database size; default "large" (most accurate on short messages; its compact copy in the model folder loads in ~0.4 s). */
  readonly eldSize?: EldSize;
  /** Folder of the trained models (`npm run train:nlu`); default models/nlu. null: corpus-only NLP.js model, no frustration model. */
  readonly modelDir?: string | null;
}

/**
 * The shipped intent model when it was trained for this corpus (its intents are exactly the
 * corpus's), otherwise an NLP.js model trained on the corpus alone (a bot owner's own intents).
 */
async function intentClassifier(corpus: BotCorpus, text: string, cacheDir: string | null, modelDir: string | null): Promise<IntentClassifier> {
  if (modelDir !== null) {
    const started = performance.now();
    const model = await loadModelFile(INTENT_MODEL_FILE, modelDir);
    const names = corpus.intents.map((i) => i.name);
    if (model && model.classes.length === names.length && model.classes.every((c) => names.includes(c))) {
      return createLinearIntentClassifier(model, performance.now() - started);
    }
  }
  return createIntentClassifier(corpus, text, cacheDir);
}

async function frustrationScorer(modelDir: string | null): Promise<FrustrationScorer | null> {
  if (modelDir === null) return null;
  const model = await loadModelFile(FRUSTRATION_MODEL_FILE, modelDir);
  return model ? createFrustrationScorer(model) : null;
}

async function questionReader(modelDir: string | null): Promise<QuestionReader | null> {
  if (modelDir === null) return null;
  const model = await loadModelFile(QUESTION_MODEL_FILE, modelDir);
  return model ? createQuestionReader(model) : null;
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
  const modelDir = options.modelDir === null ? null : resolve(options.modelDir ?? MODEL_DIR);
  const [classifier, language, sentiment, frustration, question] = await Promise.all([
    intentClassifier(corpus, text, cacheDir, modelDir),
    createLanguageDetector({
      size: options.eldSize ?? DEFAULT_ELD_SIZE,
      fallback: corpus.settings.defaultLanguage,
      compactDatabase: modelDir === null ? null : join(modelDir, ELD_DATABASE_FILE),
    }),
    createSentimentScorer(),
    frustrationScorer(modelDir),
    questionReader(modelDir),
  ]);
  const nlu = createNluAdapter({ corpus, classifier, language, sentiment, frustration, question });
  return { analyze: nlu.analyze, corpus };
}
