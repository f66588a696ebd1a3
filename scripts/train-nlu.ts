/**
 * `npm run train:nlu`: trains the shipped NLU models from the dev splits in ../shared/data (or
 * BATON_DATA_DIR) and writes models/nlu/{intent,question,frustration}.bin plus models/nlu/manifest.json
 * (sources, licences, row counts, fitted temperature and threshold). Deterministic: same data, same
 * bytes. Which rows train, calibrate and are reported: scripts/eval/nlu-training-data.ts.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSentimentScorer, DEFAULT_CORPUS_FILE, loadCorpus } from "../src/adapters/nlu/index.js";
import { compactEldDatabase, ELD_DATABASE_FILE, installedEldVersion } from "../src/adapters/nlu/eld-database.js";
import { FRUSTRATED_CLASS, frustrationDense } from "../src/adapters/nlu/frustration.js";
import { featurize } from "../src/adapters/nlu/linear/features.js";
import { logits, serializeModel, softmax } from "../src/adapters/nlu/linear/linear-model.js";
import { FRUSTRATION_MODEL_FILE, INTENT_MODEL_FILE, MODEL_DIR as SHIPPED_DIR, QUESTION_MODEL_FILE } from "../src/adapters/nlu/linear/model-files.js";
import { fitTemperature, type TrainExample, trainLinear } from "../src/adapters/nlu/linear/train-linear.js";
import { CALM, frustrationRows, intentTrainingData, isFrustrationTune, questionClasses, questionTrainingData } from "./eval/nlu-training-data.js";

export const INTENT_DIM = 1 << 16;
export const FRUSTRATION_DIM = 1 << 17;
/** The frustration threshold is the lowest that keeps false triggers on the tune slice at or below this. */
const TUNE_MAX_FALSE_RATE = 0.015;
const POSITIVE_WEIGHT = 2;

const SOURCES = [
  { data: "bitext-customer-service (train split only)", licence: "CDLA-Sharing-1.0", used: "intent, question + frustration training" },
  { data: "clinc150 (train, oos_train)", licence: "CC BY 3.0", used: "out-of-scope class (intent, question), greetings, frustration negatives" },
  { data: "hint3 (train CSVs, train half by hash)", licence: "ODbL 1.0 / DbCL 1.0", used: "frustration training" },
  { data: "config/bot-corpus.yaml utterances", licence: "Baton's own", used: "intent training (all languages)" },
];

const started = performance.now();
/** `--out DIR` writes elsewhere (experiments); default models/nlu, the files the product loads. */
const outArg = process.argv.indexOf("--out");
const MODEL_DIR = outArg >= 0 ? process.argv[outArg + 1]! : SHIPPED_DIR;
const FRUSTRATION_EPOCHS = Number(process.env.FRUSTRATION_EPOCHS ?? 20);
const FRUSTRATION_LR = Number(process.env.FRUSTRATION_LR ?? 0.6);
const FRUSTRATION_L2 = Number(process.env.FRUSTRATION_L2 ?? 1e-6);
const { corpus } = await loadCorpus(DEFAULT_CORPUS_FILE);
mkdirSync(MODEL_DIR, { recursive: true });

// 1. Intent / topic model with an explicit out-of-scope class ("none").
const intentData = intentTrainingData(corpus);
const classes = corpus.intents.map((i) => i.name);
const intentModel = trainLinear(intentData.train, { classes, dim: INTENT_DIM, epochs: 8, learningRate: 0.3, l2: 1e-6, seed: 13 });
const temperature = fitTemperature(intentModel, intentData.calibration);
const intentCalAcc = intentData.calibration.filter((e) => {
  const p = softmax(logits(intentModel, featurize(e.text, INTENT_DIM)));
  return classes[p.indexOf(Math.max(...p))] === e.label;
}).length / intentData.calibration.length;
const intentFinal = { ...intentModel, temperature, meta: { trainedRows: intentData.train.length, calibrationRows: intentData.calibration.length, calibrationAccuracy: intentCalAcc } };
const intentBytes = serializeModel(intentFinal);
writeFileSync(join(MODEL_DIR, INTENT_MODEL_FILE), intentBytes);

// 2. Question model (repeat detection): Bitext's own intents, finer than the corpus's, and "none".
const questionData = questionTrainingData();
const qClasses = questionClasses();
const questionModel = trainLinear(questionData.train, { classes: qClasses, dim: INTENT_DIM, epochs: 8, learningRate: 0.3, l2: 1e-6, seed: 13 });
const qTemperature = fitTemperature(questionModel, questionData.calibration);
const qCalAcc = questionData.calibration.filter((e) => {
  const p = softmax(logits(questionModel, featurize(e.text, INTENT_DIM)));
  return qClasses[p.indexOf(Math.max(...p))] === e.label;
}).length / questionData.calibration.length;
const questionFinal = { ...questionModel, temperature: qTemperature, meta: { trainedRows: questionData.train.length, calibrationRows: questionData.calibration.length, calibrationAccuracy: qCalAcc } };
const questionBytes = serializeModel(questionFinal);
writeFileSync(join(MODEL_DIR, QUESTION_MODEL_FILE), questionBytes);

// 3. Frustration model.
const sentiment = await createSentimentScorer();
const fRows = frustrationRows(corpus);
const withDense = async (r: { text: string; positive: boolean }): Promise<TrainExample> => ({
  text: r.text,
  label: r.positive ? FRUSTRATED_CLASS : CALM,
  dense: frustrationDense((await sentiment.score(r.text, "en")).score),
});
const fTrain: TrainExample[] = [];
const fTune: TrainExample[] = [];
for (const r of fRows) (!r.seed && isFrustrationTune(r.text) ? fTune : fTrain).push({ ...(await withDense(r)), weight: r.seed ? 5 : 1 });
const pos = fTrain.filter((e) => e.label === FRUSTRATED_CLASS).length;
const neg = fTrain.length - pos;
// Positives are rare (about 1 in 13) but weigh only POSITIVE_WEIGHT: full balancing made every short unknown word "frustrated".
const balanced = fTrain.map((e) => ({ ...e, weight: (e.weight ?? 1) * (e.label === FRUSTRATED_CLASS ? POSITIVE_WEIGHT : 1) }));
const fModel = trainLinear(balanced, { classes: [FRUSTRATED_CLASS, CALM], dim: FRUSTRATION_DIM, dense: 2, fixedBias: [Math.log((POSITIVE_WEIGHT * pos) / neg), 0], epochs: FRUSTRATION_EPOCHS, learningRate: FRUSTRATION_LR, l2: FRUSTRATION_L2, seed: 13 });
const scored = fTune.map((e) => ({ p: softmax(logits(fModel, featurize(e.text, FRUSTRATION_DIM), e.dense ?? []))[0]!, positive: e.label === FRUSTRATED_CLASS }));
const negatives = scored.filter((s) => !s.positive).map((s) => s.p).sort((a, b) => b - a);
const cut = negatives[Math.floor(TUNE_MAX_FALSE_RATE * negatives.length)] ?? 0.5;
const threshold = Math.max(0.3, Math.ceil(cut * 100) / 100);
const tunePos = scored.filter((s) => s.positive);
const tuneRecall = tunePos.filter((s) => s.p >= threshold).length / Math.max(1, tunePos.length);
const fFinal = { ...fModel, meta: { trainedRows: fTrain.length, positives: pos, tuneRows: fTune.length, threshold, tuneRecall } };
const fBytes = serializeModel(fFinal);
writeFileSync(join(MODEL_DIR, FRUSTRATION_MODEL_FILE), fBytes);

// 4. eld's "large" language database in the compact form that loads ~4x faster (src/adapters/nlu/eld-database.ts).
const eldBytes = await compactEldDatabase("large");
writeFileSync(join(MODEL_DIR, ELD_DATABASE_FILE), eldBytes);

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex").slice(0, 16);
const manifest = {
  note: "Written by `npm run train:nlu`; do not edit. Sources and licences: docs/NLU.md.",
  sources: SOURCES,
  intent: { file: INTENT_MODEL_FILE, bytes: intentBytes.length, sha256: sha(intentBytes), classes, temperature, ...intentFinal.meta },
  question: { file: QUESTION_MODEL_FILE, bytes: questionBytes.length, sha256: sha(questionBytes), classes: qClasses, temperature: qTemperature, ...questionFinal.meta },
  eld: { file: ELD_DATABASE_FILE, bytes: eldBytes.length, eldVersion: installedEldVersion(), licence: "Apache-2.0 (eld's own n-gram data, large)" },
  frustration: { file: FRUSTRATION_MODEL_FILE, bytes: fBytes.length, sha256: sha(fBytes), ...fFinal.meta },
};
writeFileSync(join(MODEL_DIR, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(JSON.stringify(manifest, null, 2));
console.log(`trained in ${((performance.now() - started) / 1000).toFixed(1)} s`);
