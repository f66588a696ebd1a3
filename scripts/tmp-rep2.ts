import type { NluResult } from "../src/core/model.js";
import { createNlu } from "../src/adapters/nlu/index.js";
import { readBitext } from "./eval/datasets.js";
import { bucket } from "./eval/nlu-training-data.js";
import { paraphraseScore } from "../src/core/triggers/text-similarity.js";
const nlu = await createNlu({ cacheDir: null });
const rows = readBitext((process.argv[2] ?? "train") as "train");
const sorted = [...rows].sort((x, y) => bucket(`pair:${x.text}`, 1 << 30) - bucket(`pair:${y.text}`, 1 << 30));
const byIntent = new Map<string, typeof rows>();
for (const r of sorted) byIntent.set(r.intent, [...(byIntent.get(r.intent) ?? []), r]);
const R = new Map<string, NluResult>();
const read = async (t: string) => R.get(t) ?? R.set(t, await nlu.analyze(t)).get(t)!;
type P = { gold: boolean; si: boolean; eq: boolean; nc: boolean; s: number; a: string; b: string };
const pairs: P[] = [];
const f = (r: NluResult) => new Map(r.entities.map((e) => [e.field, e.value.toLowerCase()]));
function feat(x: { text: string }, y: { text: string }, a: NluResult, b: NluResult, gold: boolean): P {
  const qa = a.question, qb = b.question;
  const si = qa && qb && qa.confidence >= 0.65 && qb.confidence >= 0.65 ? qa.id === qb.id : a.intent === b.intent && a.intent !== "none" && a.confidence >= 0.65 && b.confidence >= 0.65;
  const fa = f(a), fb = f(b);
  let nc = true; for (const [k, v] of fa) if (fb.has(k) && fb.get(k) !== v) nc = false;
  const eq = fa.size === fb.size && [...fa].every(([k, v]) => fb.get(k) === v);
  return { gold, si, eq, nc, s: paraphraseScore(x.text, y.text), a: x.text, b: y.text };
}
for (const [i, r] of sorted.entries()) {
  const same = byIntent.get(r.intent)!;
  const p = same[(same.indexOf(r) + 1) % same.length]!;
  const o = sorted[(i + 1 + bucket(`neg:${r.text}`, sorted.length - 1)) % sorted.length]!;
  const a = await read(r.text);
  if (p !== r) pairs.push(feat(r, p, a, await read(p.text), true));
  if (o.intent !== r.intent) pairs.push(feat(r, o, a, await read(o.text), false));
}
function ev(rule: (p: P) => boolean) {
  let tp = 0, fp = 0, fn = 0, neg = 0;
  for (const p of pairs) { const g = rule(p); if (!p.gold) neg++; if (g && p.gold) tp++; else if (g) fp++; else if (p.gold) fn++; }
  const P = tp / (tp + fp), R = tp / (tp + fn);
  return `P ${P.toFixed(3)} R ${R.toFixed(3)} F1 ${(2 * P * R / (P + R)).toFixed(3)} false ${(100 * fp / neg).toFixed(1)}%`;
}
for (const hi of [0.6, 0.7, 0.8]) for (const lo of [0, 0.1, 0.2, 0.3]) {
  console.log(hi, lo, "eq", ev((p) => p.s >= hi || (p.si && p.eq && p.s >= lo)), "| nc", ev((p) => p.s >= hi || (p.si && p.nc && p.s >= lo)), "| any", ev((p) => p.s >= hi || (p.si && p.s >= lo)));
}
if (process.argv[3]) for (const p of pairs.filter((p) => p.gold !== ((p.s >= 0.8) || (p.si && p.nc && p.s >= 0.2))).slice(0, 40)) console.log(p.gold ? "FN" : "FP", p.s, p.si, p.nc, "|", p.a, "||", p.b);
