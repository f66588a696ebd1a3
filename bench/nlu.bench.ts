/**
 * NLU start-up, side by side: eld's own loader of its "large" database vs Baton's compact copy
 * (models/nlu/eld-large.json.gz, src/adapters/nlu/eld-database.ts), each in a fresh Node process
 * (a cold start), alternating so a busy machine slows both alike; then the whole createNlu. The check
 * is that both detect exactly the same languages; speed is reported as a ratio, never asserted.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { type BenchOptions, fmt, renderTable, type SuiteResult, type Table } from "./bench-kit.js";

const ROOT = join(import.meta.dirname, "..");
const SAMPLE = ["where is my order?", "Zeige die TV-Show Limit of Love", "je veux parler à un conseiller", "担当者と話したいです", "¿dónde está mi pedido?", "ok"];

/** One fresh process: load, detect the sample, print {ms, langs}. */
function child(kind: "eld" | "compact" | "createNlu"): { ms: number; langs: string[] } {
  const script = `
    const t = performance.now();
    let detect;
    if (${JSON.stringify(kind)} === "eld") { const { eld } = await import("eld"); const i = eld.newInstance(); await i.load("large"); detect = (s) => i.detect(s).language; }
    else if (${JSON.stringify(kind)} === "compact") { const { loadCompactEld } = await import("./src/adapters/nlu/eld-database.ts"); const i = await loadCompactEld("models/nlu/eld-large.json.gz"); detect = (s) => i.detect(s).language; }
    else { const { createNlu } = await import("./src/adapters/nlu/index.ts"); const n = await createNlu({ cacheDir: null }); detect = () => ""; }
    const ms = performance.now() - t;
    console.log(JSON.stringify({ ms, langs: ${JSON.stringify(SAMPLE)}.map(detect) }));`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as { ms: number; langs: string[] };
}

export async function runNluBench(opts: BenchOptions): Promise<SuiteResult> {
  const rounds = opts.quick ? 2 : 5;
  const eldMs: number[] = [];
  const compactMs: number[] = [];
  const nluMs: number[] = [];
  let same = true;
  for (let r = 0; r < rounds; r++) {
    const a = child("eld");
    const b = child("compact");
    eldMs.push(a.ms);
    compactMs.push(b.ms);
    same &&= JSON.stringify(a.langs) === JSON.stringify(b.langs);
    nluMs.push(child("createNlu").ms);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const table: Table = {
    title: `NLU cold start, fresh process each, median of ${rounds}`,
    headers: ["what", "median ms", "vs eld's loader"],
    rows: [
      ["eld large, eld's own loader", fmt(median(eldMs), 0), "1.00"],
      ["eld large, compact copy (shipped)", fmt(median(compactMs), 0), fmt(median(compactMs) / median(eldMs), 2)],
      ["whole createNlu (models + compact eld + sentiment)", fmt(median(nluMs), 0), fmt(median(nluMs) / median(eldMs), 2)],
    ],
  };
  opts.log(renderTable(table));
  return {
    suite: "nlu",
    ok: same,
    tables: [table],
    notes: [same ? "both loaders detect the same languages on the sample" : "the compact copy detects differently from eld's loader"],
    data: { eldMs, compactMs, nluMs },
  };
}
