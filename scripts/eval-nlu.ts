/**
 * `npm run eval:nlu`: measures the NLU adapter on the dev datasets in ../shared/data (or BATON_DATA_DIR)
 * and prints one table. Offline, deterministic (no sampling: every row of the files named below is used).
 * Label mappings: scripts/eval/label-map.ts. Splits used for tuning are printed as "tune" and kept apart
 * from the reported ones.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NluResult } from "../src/core/model.js";
import {
  createIntentClassifier,
  createLanguageDetector,
  createNlu,
  DEFAULT_CORPUS_FILE,
  DEFAULT_ELD_SIZE,
  type EldSize,
  loadCorpus,
} from "../src/adapters/nlu/index.js";
import { dataDir, readBitext, readHint3, readLingua, readMultidogo, readTweets, readXsid } from "./eval/datasets.js";
import {
  BITEXT_ENTITY_FIELD,
  BITEXT_HUMAN_POSITIVE,
  BITEXT_INTENT_TOPIC,
  HINT3_HUMAN_POSITIVE,
  LANGUAGE_CODE,
  MULTIDOGO_SLOT_FIELD,
  NAMES_A_PERSON,
  SUPPORTED_LANGUAGES,
  TWEET_NEGATIVE,
} from "./eval/label-map.js";
import { half, percentile, prf } from "./eval/metrics.js";

const started = performance.now();
const rows: [string, string, string, string][] = [];
const row = (metric: string, data: string, value: string, target = "") => rows.push([metric, data, value, target]);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);
const timings: number[] = [];

console.log(`data: ${dataDir()}`);
const freshCache = mkdtempSync(join(tmpdir(), "baton-nlu-eval-"));
const t0 = performance.now();
const nlu = await createNlu({ cacheDir: freshCache });
const coldMs = performance.now() - t0;
const t1 = performance.now();
await createNlu({ cacheDir: freshCache });
const warmMs = performance.now() - t1;
rmSync(freshCache, { recursive: true, force: true });
const { corpus, text: corpusText } = await loadCorpus(DEFAULT_CORPUS_FILE);
const trainMs = (await createIntentClassifier(corpus, corpusText, null)).origin.ms;

async function analyze(text: string, previousLanguage?: string): Promise<NluResult> {
  const s = performance.now();
  const r = await nlu.analyze(text, previousLanguage ? { previousLanguage } : undefined);
  timings.push(performance.now() - s);
  return r;
}

// 1. Explicit human request.
async function humanPrf(items: readonly { text: string; positive: boolean }[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const item of items) {
    const got = (await analyze(item.text)).explicitHumanRequest.requested;
    if (got && item.positive) tp++;
    else if (got) {
      fp++;
      misses.push(`FP ${item.text}`);
    } else if (item.positive) {
      fn++;
      misses.push(`FN ${item.text}`);
    }
  }
  return { ...prf(tp, fp, fn), misses };
}
const hint3 = readHint3().map((r) => ({ text: r.text, positive: HINT3_HUMAN_POSITIVE.has(r.label) }));
const bitextVal = readBitext("validation");
const bitextTrain = readBitext("train");
const bitextHuman = bitextVal.map((r) => ({ text: r.text, positive: BITEXT_HUMAN_POSITIVE.has(r.intent) }));
const hH = await humanPrf(hint3);
const hB = await humanPrf(bitextHuman);
const hAll = prf(hH.tp + hB.tp, hH.fp + hB.fp, hH.fn + hB.fn);
const fmtPrf = (p: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number }) =>
  `P ${f3(p.precision)} R ${f3(p.recall)} F1 ${f3(p.f1)} (tp ${p.tp} fp ${p.fp} fn ${p.fn})`;
row("explicit human request", `HINT3 train, 3 bots (${hint3.length} rows, ${hint3.filter((h) => h.positive).length} pos)`, fmtPrf(hH));
const hint3Named = hint3.filter((h) => h.positive && NAMES_A_PERSON.test(h.text));
let namedFound = 0;
for (const h of hint3Named) if ((await analyze(h.text)).explicitHumanRequest.requested) namedFound++;
row("explicit human request", "HINT3 positives that name a person (agent, human, someone...)", `recall ${f3(namedFound / hint3Named.length)} (${namedFound}/${hint3Named.length})`);
row("explicit human request", `Bitext validation (${bitextHuman.length} rows, ${bitextHuman.filter((h) => h.positive).length} pos)`, fmtPrf(hB));
row("explicit human request", "both together", fmtPrf(hAll), "F1 >= 0.90");
const hTrain = await humanPrf(bitextTrain.map((r) => ({ text: r.text, positive: BITEXT_HUMAN_POSITIVE.has(r.intent) })));
row("explicit human request (tune)", `Bitext train (${bitextTrain.length} rows), used while writing word lists`, fmtPrf(hTrain));

// 2. Topic accuracy + calibration.
const topicOf = new Map<string, string>(nlu.corpus.intents.map((i) => [i.name, i.topic]));
async function topicAccuracy(data: readonly { text: string; intent: string }[]) {
  let n = 0;
  let ok = 0;
  let skipped = 0;
  const bins = Array.from({ length: 5 }, () => ({ n: 0, ok: 0, conf: 0 }));
  for (const r of data) {
    const gold = BITEXT_INTENT_TOPIC[r.intent];
    if (gold === undefined || gold === null) {
      skipped++;
      continue;
    }
    const res = await analyze(r.text);
    // Explicit human requests route to "human" whatever the intent says, as the app does.
    const topic = res.explicitHumanRequest.requested ? "human" : res.topic;
    n++;
    const hit = topic === gold;
    if (hit) ok++;
    // Calibration is about the best guess before the cut-off: below the threshold the intent becomes
    // "none", and its best candidate is alternatives[0].
    const guess = res.intent !== "none" ? { intent: res.intent, confidence: res.confidence } : (res.alternatives[0] ?? { intent: "none", confidence: 0 });
    const bin = bins[Math.min(4, Math.floor(guess.confidence * 5))]!;
    bin.n++;
    bin.conf += guess.confidence;
    if (topicOf.get(guess.intent) === gold) bin.ok++;
  }
  const ece = bins.reduce((s, b) => s + (b.n === 0 ? 0 : (b.n / n) * Math.abs(b.ok / b.n - b.conf / b.n)), 0);
  return { n, ok, skipped, acc: ok / n, bins, ece };
}
const topicVal = await topicAccuracy(bitextVal);
const topicTrain = await topicAccuracy(bitextTrain);
row("topic accuracy", `Bitext validation (${topicVal.n} rows mapped, ${topicVal.skipped} FEEDBACK skipped)`, pct(topicVal.acc));
row("topic accuracy (tune)", `Bitext train (${topicTrain.n} rows mapped)`, pct(topicTrain.acc));
row(
  "confidence calibration",
  "Bitext validation, best guess before the cut-off, bins 0-.2/.2-.4/.4-.6/.6-.8/.8-1: n:accuracy",
  topicVal.bins.map((b) => (b.n ? `${b.n}:${pct(b.ok / b.n)}` : "0:-")).join(" "),
);
row("confidence calibration", "Bitext validation, expected calibration error", f3(topicVal.ece));

// 3. Language ID.
const accepts = (gold: string, got: string) => (LANGUAGE_CODE[gold] ?? [gold]).includes(got);
const xsid = readXsid();
const linguaSentences = readLingua("sentences");
const linguaPairs = readLingua("word-pairs");
async function langAccuracy(data: readonly { text: string; label: string }[]) {
  let ok = 0;
  for (const r of data) if (accepts(r.label, (await analyze(r.text)).language)) ok++;
  return { n: data.length, acc: ok / Math.max(1, data.length) };
}
const xsidSupported = xsid.filter((r) => SUPPORTED_LANGUAGES.includes(r.label));
const xsidDialects = xsid.filter((r) => ["de-ba", "de-muc", "de-st", "gsw"].includes(r.label));
const xsidOther = xsid.filter((r) => !SUPPORTED_LANGUAGES.includes(r.label) && !xsidDialects.includes(r));
const lsSupported = linguaSentences.filter((r) => SUPPORTED_LANGUAGES.includes(r.label));
const lpSupported = linguaPairs.filter((r) => SUPPORTED_LANGUAGES.includes(r.label));
for (const [name, data, target] of [
  ["xSID valid, supported (en, de)", xsidSupported, ">= 98%"],
  ["xSID valid, German dialects (as de)", xsidDialects, ""],
  ["xSID valid, other 13 languages", xsidOther, ""],
  ["Lingua sentences, supported (en es fr de pt)", lsSupported, ""],
  ["Lingua word pairs, supported", lpSupported, ""],
  ["Lingua sentences, all 75 languages", linguaSentences, ""],
] as const) {
  const r = await langAccuracy(data);
  row("language ID", `${name} (${r.n})`, pct(r.acc), target);
}
// Short follow-ups: single words with the conversation's language known (context.previousLanguage).
const singles = readLingua("single-words").filter((r) => SUPPORTED_LANGUAGES.includes(r.label));
const noCtx = await langAccuracy(singles);
let withCtx = 0;
for (const r of singles) if (accepts(r.label, (await analyze(r.text, r.label)).language)) withCtx++;
row("language ID", `Lingua single words, supported (${singles.length}): alone / with previousLanguage`, `${pct(noCtx.acc)} / ${pct(withCtx / singles.length)}`);

// eld sizes side by side (language detector only).
const sizes: EldSize[] = ["extrasmall", "small", "medium", "large"];
const sizeCells: string[] = [];
for (const size of sizes) {
  const ls = performance.now();
  const det = await createLanguageDetector({ size, fallback: "en" });
  const loadMs = performance.now() - ls;
  const acc = (data: readonly { text: string; label: string }[]) => data.filter((r) => accepts(r.label, det.detect(r.text).language)).length / data.length;
  const s0 = performance.now();
  const a = acc(xsidSupported);
  const b = acc(lpSupported);
  const c = acc(xsidOther);
  const us = ((performance.now() - s0) * 1000) / (xsidSupported.length + lpSupported.length + xsidOther.length);
  const load = size === DEFAULT_ELD_SIZE ? "already loaded" : `load ${loadMs.toFixed(0)} ms`;
  sizeCells.push(`${size}${size === DEFAULT_ELD_SIZE ? "*" : ""}: xSID-sup ${pct(a)}, pairs-sup ${pct(b)}, xSID-other ${pct(c)}, ${load}, ${us.toFixed(1)} us/msg`);
}
for (const cell of sizeCells) row("eld size (* = default)", "language detector alone", cell);

// 4. Negative sentiment.
const tweets = readTweets();
async function negF1(data: readonly { text: string; label: string }[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const t of data) {
    const neg = (await analyze(t.text, "en")).sentiment.label === "negative";
    const gold = t.label === TWEET_NEGATIVE;
    if (neg && gold) tp++;
    else if (neg) fp++;
    else if (gold) fn++;
  }
  return prf(tp, fp, fn);
}
const tweetsTune = tweets.filter((t) => half(t.text) === 0);
const tweetsReport = tweets.filter((t) => half(t.text) === 1);
const sReport = await negF1(tweetsReport);
const sTune = await negF1(tweetsTune);
row("negative sentiment", `Twitter airline dev, report half (${tweetsReport.length}, ${tweetsReport.filter((t) => t.label === TWEET_NEGATIVE).length} neg)`, fmtPrf(sReport), "F1 >= 0.80");
row("negative sentiment (tune)", `Twitter airline dev, tune half (${tweetsTune.length})`, fmtPrf(sTune));

// 5. Field extraction.
async function fieldPrf(items: readonly { text: string; gold: { field: string; start: number; end: number }[] }[], scored: ReadonlySet<string>) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perField = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (f: string, k: "tp" | "fp" | "fn") => {
    const c = perField.get(f) ?? { tp: 0, fp: 0, fn: 0 };
    c[k]++;
    perField.set(f, c);
  };
  for (const item of items) {
    const got = (await analyze(item.text)).entities.filter((e) => scored.has(e.field));
    const used = new Set<number>();
    for (const e of got) {
      const i = item.gold.findIndex((g, k) => !used.has(k) && g.field === e.field && e.start < g.end && g.start < e.end);
      if (i >= 0) {
        used.add(i);
        tp++;
        bump(e.field, "tp");
      } else {
        fp++;
        bump(e.field, "fp");
      }
    }
    item.gold.forEach((g, k) => {
      if (!used.has(k)) {
        fn++;
        bump(g.field, "fn");
      }
    });
  }
  const detail = [...perField].map(([f, c]) => `${f} ${c.tp}/${c.fp}/${c.fn}`).join(", ");
  return { ...prf(tp, fp, fn), detail };
}
const bitextScored = new Set(Object.values(BITEXT_ENTITY_FIELD).filter((f): f is string => f !== null));
const bitextFields = bitextVal.map((r) => {
  const field = r.entity ? BITEXT_ENTITY_FIELD[r.entity.type] : null;
  return { text: r.text, gold: r.entity && field ? [{ field, start: r.entity.start, end: r.entity.end }] : [] };
});
const fB = await fieldPrf(bitextFields, bitextScored);
row("field extraction", `Bitext validation (${bitextFields.length} rows; ${bitextFields.filter((r) => r.gold.length).length} gold spans)`, fmtPrf(fB));
row("field extraction", "Bitext per field tp/fp/fn", fB.detail);
const mdScored = new Set(Object.values(MULTIDOGO_SLOT_FIELD).filter((f): f is string => f !== null));
const multidogo = readMultidogo().map((t) => ({
  text: t.text,
  gold: t.spans.flatMap((s) => {
    const field = MULTIDOGO_SLOT_FIELD[s.slot];
    return field ? [{ field, start: s.start, end: s.end }] : [];
  }),
}));
const fM = await fieldPrf(multidogo, mdScored);
row("field extraction", `MultiDoGO dev, 6 domains (${multidogo.length} turns; ${multidogo.reduce((s, t) => s + t.gold.length, 0)} gold spans)`, fmtPrf(fM));
row("field extraction", "MultiDoGO per field tp/fp/fn", fM.detail);

// 6. Time.
row("time per message", `analyze(), all ${timings.length} calls above`, `p50 ${(percentile(timings, 50) * 1000).toFixed(0)} us, p99 ${(percentile(timings, 99) * 1000).toFixed(0)} us`, "p50 < 500 us");
row("start-up", "intent model training alone (no cache)", `${trainMs.toFixed(0)} ms`, "well under 1 s");
row("start-up", `first createNlu in the process (train + eld ${DEFAULT_ELD_SIZE} load) / second (model cached, eld loaded)`, `${coldMs.toFixed(0)} ms / ${warmMs.toFixed(0)} ms`);
row("eval run", "wall time", `${((performance.now() - started) / 1000).toFixed(1)} s`, "< 120 s");

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ["metric", "data", "value", "target"][i]!.length));
const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
console.log(line(["metric", "data", "value", "target"]));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const r of rows) console.log(line(r));
if (process.env.EVAL_VERBOSE) {
  console.log("\nHuman-request misses (HINT3):\n" + hH.misses.join("\n"));
  console.log("\nHuman-request misses (Bitext validation):\n" + hB.misses.join("\n"));
}
