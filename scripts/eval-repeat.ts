/**
 * `npm run eval:repeat`: measures the repeat-question detector of src/core/context on the SGD and
 * STAR dev dialogues in ../shared/data (or BATON_DATA_DIR). For each labelled agent turn it compares
 * the fields `detectAskedFields` says are asked with the dataset's labels (SGD system REQUEST acts,
 * STAR `*_ask_*` action labels) through scripts/eval/repeat-label-map.ts, then scores
 * "agent asks for an already-known field" against true re-asks (the same dataset slot already filled).
 *
 * Every turn is used (no sampling); dialogues are split by a hash of their id into a tune half
 * (looked at while writing the lexicon) and a report half (the numbers to quote). Offline, deterministic.
 * `--errors N` prints N tune-half mistakes per dataset.
 */
import { ASKABLE_FIELDS, type AskableField, detectAskedFields } from "../src/core/context/index.js";
import { dataDir } from "./eval/datasets.js";
import { half, type Prf } from "./eval/metrics.js";
import { type LabelledAgentTurn, readSgdTurns, readStarTurns } from "./eval/repeat-datasets.js";
import { FieldScores } from "./eval/repeat-score.js";

const started = performance.now();
const errorsArg = process.argv.indexOf("--errors");
const showErrors = errorsArg >= 0 ? Number(process.argv[errorsArg + 1] ?? 10) : 0;
const dir = dataDir();

const f3 = (x: number) => x.toFixed(3);
const fmt = (p: Prf) =>
  p.tp + p.fn === 0 ? `n/a: no gold positives; ${p.fp} false alarms` : `P ${f3(p.precision)}  R ${f3(p.recall)}  F1 ${f3(p.f1)}  (tp ${p.tp} fp ${p.fp} fn ${p.fn})`;
const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));

interface Result {
  readonly asks: FieldScores;
  readonly repeats: FieldScores;
  /** Re-ask scores if the detector matched the labels exactly: the cost of Baton's field granularity alone. */
  readonly oracleRepeats: FieldScores;
  readonly turns: number;
  readonly goldRepeats: number;
  readonly errors: string[];
}

function evaluate(turns: readonly LabelledAgentTurn[], collectErrors: number): Result {
  const asks = new FieldScores();
  const repeats = new FieldScores();
  const oracleRepeats = new FieldScores();
  const errors: string[] = [];
  let goldRepeats = 0;
  for (const t of turns) {
    const predicted = new Set<AskableField>(detectAskedFields(t.text, "en"));
    asks.add(t.asked, predicted);
    const predictedRepeat = new Set([...predicted].filter((f) => t.known.has(f)));
    repeats.add(t.reasked, predictedRepeat);
    oracleRepeats.add(t.reasked, new Set([...t.asked].filter((f) => t.known.has(f))));
    goldRepeats += t.reasked.size;
    if (errors.length < collectErrors && !sameSet(t.asked, predicted) && !(t.asksOutOfScope && t.asked.size === 0 && predicted.size === 0)) {
      errors.push(`gold [${[...t.asked]}] got [${[...predicted]}]${t.asksOutOfScope ? " (+out-of-scope ask)" : ""}: ${t.text.replace(/\s+/g, " ").slice(0, 140)}`);
    }
  }
  return { asks, repeats, oracleRepeats, turns: turns.length, goldRepeats, errors };
}

const datasets: [string, LabelledAgentTurn[]][] = [
  ["SGD dev (system turns)", readSgdTurns(dir)],
  ["STAR dev (wizard pick_suggestion turns)", readStarTurns(dir)],
];

for (const [name, all] of datasets) {
  const tune = all.filter((t) => half(t.dialogueId) === 0);
  const report = all.filter((t) => half(t.dialogueId) === 1);
  const r = evaluate(report, 0);
  const tr = evaluate(tune, showErrors);
  const distinct = new Set(report.map((t) => t.text)).size;
  console.log(`\n=== ${name}: report half ${r.turns} turns (${distinct} distinct texts), tune half ${tr.turns} turns ===`);
  console.log("field               support  precision  recall     F1     tp    fp    fn");
  for (const f of ASKABLE_FIELDS) {
    const p = r.asks.field(f);
    if (p.tp + p.fp + p.fn === 0) continue;
    console.log(
      `${f.padEnd(18)} ${String(p.tp + p.fn).padStart(8)}  ${f3(p.precision).padStart(9)}  ${f3(p.recall).padStart(6)}  ${f3(p.f1).padStart(6)} ${String(p.tp).padStart(6)}${String(p.fp).padStart(6)}${String(p.fn).padStart(6)}`,
    );
  }
  console.log(`asks field X, micro (report): ${fmt(r.asks.micro())}`);
  console.log(`asks field X, micro (tune):   ${fmt(tr.asks.micro())}`);
  console.log(`asks a known field = re-ask (report, ${r.goldRepeats} gold re-asks): ${fmt(r.repeats.micro())}`);
  console.log(`  same, with the labels as the detector (field-granularity ceiling, report): ${fmt(r.oracleRepeats.micro())}`);
  console.log(`asks a known field = re-ask (tune, ${tr.goldRepeats} gold re-asks):   ${fmt(tr.repeats.micro())}`);
  for (const e of tr.errors) console.log(`  tune error: ${e}`);
}
console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
