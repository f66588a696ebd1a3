import type { NluResult } from "../src/core/model.js";
import { createNlu } from "../src/adapters/nlu/index.js";
import { readBitext } from "../scripts/eval/datasets.js";
import { bucket } from "../scripts/eval/nlu-training-data.js";
import { paraphraseScore } from "../src/core/triggers/text-similarity.js";
const nlu = await createNlu({ cacheDir: null });
const rows = readBitext((process.argv[2] ?? "train") as "train").slice(0, 3000);
const sorted = [...rows].sort((x, y) => bucket(`pair:${x.text}`, 1 << 30) - bucket(`pair:${y.text}`, 1 << 30));
const byIntent = new Map<string, typeof rows>();
for (const r of sorted) byIntent.set(r.intent, [...(byIntent.get(r.intent) ?? []), r]);
const R = new Map<string, NluResult>();
const read = async (t: string) => R.get(t) ?? R.set(t, await nlu.analyze(t)).get(t)!;
const stat = { pos: 0, sameInt: 0, conf: 0, fields: 0, negSameInt: 0, neg: 0 };
const ex: string[] = [];
for (const [i, r] of sorted.entries()) {
  const same = byIntent.get(r.intent)!;
  const p = same[(same.indexOf(r) + 1) % same.length]!;
  const o = sorted[(i + 1 + bucket(`neg:${r.text}`, sorted.length - 1)) % sorted.length]!;
  const a = await read(r.text), b = await read(p.text), c = await read(o.text);
  if (p !== r) { stat.pos++; if (a.intent === b.intent && a.intent !== "none") { stat.sameInt++; if (a.confidence >= 0.65 && b.confidence >= 0.65) { stat.conf++; if (JSON.stringify(a.entities.map(e=>e.field+e.value)) === JSON.stringify(b.entities.map(e=>e.field+e.value))) stat.fields++; else if (ex.length < 10) ex.push(`${r.text} [${a.entities.map(e=>e.field+'='+e.value)}] || ${p.text} [${b.entities.map(e=>e.field+'='+e.value)}]`);} } }
  if (o.intent !== r.intent) { stat.neg++; if (a.intent === c.intent && a.intent !== "none") { stat.negSameInt++; if (ex.length < 20) ex.push(`NEG ${r.intent}/${o.intent} ${a.intent}: ${r.text} || ${o.text}`); } }
}
console.log(stat); console.log(ex.join("\n"));
