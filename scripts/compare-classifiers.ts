/**
 * `npx tsx scripts/compare-classifiers.ts`: the intent/topic classifier options of issue 13 side by
 * side, trained on the same rows (scripts/eval/nlu-training-data.ts: Bitext train, CLINC150 train +
 * oos_train as "none", the corpus utterances) and measured on the same held-out rows (Bitext
 * validation, CLINC150 val + oos_val): topic accuracy, calibration error, out-of-scope below the
 * threshold, in-scope above it, start-up, memory, time per message.
 *
 * - linear: the shipped model (models/nlu/intent.bin, `npm run train:nlu`).
 * - NLP.js: @nlpjs/nlp (already a dependency) with a "none" class, trained here on the same rows.
 * - fastText (WebAssembly): not a dependency; to include it, `npm i --no-save fasttext.wasm.js@1.0.0`
 *   (MIT, fastText compiled to wasm, can train), then run this script.
 * Printed as a table for docs/NLU.md. Offline, deterministic up to timing.
 */
import { containerBootstrap } from "@nlpjs/core";
import { LangEn } from "@nlpjs/lang-en";
import { Nlp } from "@nlpjs/nlp";
import { DEFAULT_CORPUS_FILE, loadCorpus } from "../src/adapters/nlu/index.js";
import { createLinearIntentClassifier } from "../src/adapters/nlu/linear-intent-classifier.js";
import { INTENT_MODEL_FILE, loadModelFile } from "../src/adapters/nlu/linear/model-files.js";
import { readBitext, readClinc } from "./eval/datasets.js";
import { BITEXT_INTENT_TOPIC, CLINC_INTENT_CORPUS, CLINC_SUPPORT_DOMAINS } from "./eval/label-map.js";
import { intentTrainingData } from "./eval/nlu-training-data.js";
import { percentile } from "./eval/metrics.js";

const THRESHOLD = 0.65;
type Classify = (text: string) => Promise<{ intent: string; confidence: number }>;

const { corpus } = await loadCorpus(DEFAULT_CORPUS_FILE);
const topicOf = new Map(corpus.intents.map((i) => [i.name, i.topic as string]));
const data = intentTrainingData(corpus);
const train = [...data.train, ...data.calibration];
const bitextVal = readBitext("validation").filter((r) => BITEXT_INTENT_TOPIC[r.intent]);
const clinc = readClinc();
const oos = [
  ...clinc.oosVal.map((r) => r.text),
  ...clinc.val.filter((r) => !CLINC_SUPPORT_DOMAINS.has(clinc.domainOf.get(r.label) ?? "") && !(r.label in CLINC_INTENT_CORPUS)).map((r) => r.text),
];

async function measure(name: string, startMs: number, heapMb: number, classify: Classify): Promise<string> {
  let ok = 0;
  let above = 0;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, ok: 0, conf: 0 }));
  const times: number[] = [];
  for (const r of bitextVal) {
    const s = performance.now();
    const got = await classify(r.text);
    times.push(performance.now() - s);
    const hit = topicOf.get(got.intent) === BITEXT_INTENT_TOPIC[r.intent];
    if (hit) ok++;
    if (got.intent !== "none" && got.confidence >= THRESHOLD) above++;
    const b = bins[Math.min(9, Math.floor(got.confidence * 10))]!;
    b.n++;
    b.conf += got.confidence;
    if (hit) b.ok++;
  }
  let below = 0;
  for (const text of oos) {
    const got = await classify(text);
    if (got.intent === "none" || got.confidence < THRESHOLD) below++;
  }
  const n = bitextVal.length;
  const ece = bins.reduce((s, b) => s + (b.n ? (b.n / n) * Math.abs(b.ok / b.n - b.conf / b.n) : 0), 0);
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  return `| ${name} | ${pct(ok / n)} | ${ece.toFixed(3)} | ${pct(below / oos.length)} | ${pct(above / n)} | ${startMs.toFixed(0)} ms | ${heapMb.toFixed(0)} MB | ${(percentile(times, 50) * 1000).toFixed(0)} µs |`;
}

/** Heap, external and array-buffer memory (the linear models keep their weights in typed arrays). */
const heap = () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external + m.arrayBuffers) / 1e6;
};
const rows: string[] = [];

// 1. linear (shipped).
{
  const h0 = heap();
  const s = performance.now();
  const model = await loadModelFile(INTENT_MODEL_FILE);
  if (!model) throw new Error("models/nlu/intent.bin missing: run npm run train:nlu");
  const c = createLinearIntentClassifier(model, 0);
  const ms = performance.now() - s;
  rows.push(await measure("linear, hashed n-grams + none (shipped): load model file", ms, heap() - h0, (t) => c.classify(t, "en")));
}

// 2. NLP.js with the same rows and a none class.
{
  const h0 = heap();
  const s = performance.now();
  const container = await containerBootstrap();
  container.use(LangEn);
  const nlp = new Nlp({ languages: ["en"], autoSave: false, autoLoad: false, calculateSentiment: false, nlu: { log: false }, log: false }, container);
  nlp.addLanguage(["en"]);
  for (const e of train) nlp.addDocument("en", e.text, e.label);
  await nlp.train();
  const trainMs = performance.now() - s;
  const exported = nlp.export(true);
  const s2 = performance.now();
  const c2 = await containerBootstrap();
  c2.use(LangEn);
  const loaded = new Nlp({ languages: ["en"], autoSave: false, autoLoad: false, calculateSentiment: false, nlu: { log: false }, log: false }, c2);
  loaded.addLanguage(["en"]);
  loaded.import(exported);
  const loadMs = performance.now() - s2;
  const classify: Classify = async (text) => {
    const r = (await loaded.process("en", text)) as { intent: string; score: number };
    return { intent: r.intent === "None" ? "none" : r.intent, confidence: r.score ?? 0 };
  };
  rows.push(await measure(`NLP.js + none, same rows: train ${(trainMs / 1000).toFixed(1)} s once, then load its export`, loadMs, heap() - h0, classify));
}

// 3. fastText (WebAssembly), when installed.
try {
  const mod = (await import("fasttext.wasm.js" as string)) as {
    getFastTextClass(o: { getFastTextModule(): Promise<unknown> }): Promise<new () => { trainSupervised(url: string, kw: object, cb: () => void): Promise<{ predict(t: string, k: number, th: number): { size(): number; get(i: number): [number, string] } }> }>;
    getFastTextModule(): Promise<unknown>;
  };
  const h0 = heap();
  const s = performance.now();
  const FastText = await mod.getFastTextClass({ getFastTextModule: mod.getFastTextModule });
  const ft = new FastText();
  const clean = (t: string) => t.replace(/\s+/g, " ").toLowerCase();
  const file = train.map((e) => `__label__${e.label} ${clean(e.text)}`).join("\n");
  const model = await ft.trainSupervised(`data:text/plain;base64,${Buffer.from(file).toString("base64")}`, { epoch: 25, lr: 0.5, wordNgrams: 2, minn: 3, maxn: 5, dim: 50, loss: "softmax", seed: 13, verbose: 0 }, () => {});
  const ms = performance.now() - s;
  const classify: Classify = async (text) => {
    const p = model.predict(clean(text), 1, 0);
    if (p.size() === 0) return { intent: "none", confidence: 0 };
    const [prob, label] = p.get(0);
    return { intent: label.replace("__label__", ""), confidence: prob };
  };
  rows.push(await measure("fastText (wasm), same rows: train at start-up (no saved model read)", ms, heap() - h0, classify));
} catch (e) {
  rows.push(`| fastText (wasm) | not run: ${(e as Error).message.slice(0, 80)} | | | | | | |`);
}

console.log("| option | Bitext val topic acc. | ECE | off-topic below 0.65 | Bitext above 0.65 | start-up | memory | p50 / message |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of rows) console.log(r);
