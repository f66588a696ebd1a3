import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { csvRecords } from "./csv.js";

/** /work/shared/data relative to the repo (../shared/data), or BATON_DATA_DIR. */
export function dataDir(): string {
  if (process.env.BATON_DATA_DIR) return resolve(process.env.BATON_DATA_DIR);
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
  return resolve(repo, "..", "shared", "data");
}

function read(path: string): string {
  const buf = readFileSync(path);
  return path.endsWith(".gz") ? gunzipSync(buf).toString("utf8") : buf.toString("utf8");
}

export interface LabelledText {
  readonly text: string;
  readonly label: string;
}

/** HINT3 train CSVs (sentence,label), the three bots together; `source` is the bot name. */
export function readHint3(dir = dataDir()): (LabelledText & { source: string })[] {
  const out: (LabelledText & { source: string })[] = [];
  for (const bot of ["curekart", "powerplay11", "sofmattress"]) {
    for (const r of csvRecords(read(join(dir, "hint3", `${bot}_train.csv`)))) {
      if (r.sentence) out.push({ text: r.sentence, label: r.label ?? "", source: bot });
    }
  }
  return out;
}

export interface BitextRow {
  readonly text: string;
  readonly intent: string;
  readonly category: string;
  readonly entity: { readonly type: string; readonly value: string; readonly start: number; readonly end: number } | null;
}

/** Bitext customer-service CSV; `split` "train" (for tuning) or "validation" (reported). */
export function readBitext(split: "train" | "validation", dir = dataDir()): BitextRow[] {
  const file = split === "train" ? "Bitext_Sample_Customer_Service_Training_Dataset.csv" : "Bitext_Sample_Customer_Service_Validation_Dataset.csv";
  return csvRecords(read(join(dir, "bitext-customer-service", file))).map((r) => ({
    text: r.utterance ?? "",
    intent: r.intent ?? "",
    category: r.category ?? "",
    entity: r.entity_type
      ? { type: r.entity_type, value: r.entity_value ?? "", start: Number(r.start_offset), end: Number(r.end_offset) }
      : null,
  }));
}

/** xSID validation sentences: language from the file name (dialect files keep their full name). */
export function readXsid(dir = dataDir()): LabelledText[] {
  const out: LabelledText[] = [];
  const folder = join(dir, "xsid");
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".valid.conll")).sort()) {
    const lang = file.replace(".valid.conll", "");
    for (const line of read(join(folder, file)).split("\n")) {
      if (line.startsWith("# text = ")) out.push({ text: line.slice(9).trim(), label: lang });
    }
  }
  return out;
}

/** Lingua language-ID dev TSV (lang<TAB>text). kind: sentences | word-pairs | single-words. */
export function readLingua(kind: "sentences" | "word-pairs" | "single-words", dir = dataDir()): LabelledText[] {
  const lines = read(join(dir, "lingua-langid", `${kind}.dev.tsv.gz`)).split("\n").slice(1);
  return lines
    .map((l) => l.split("\t"))
    .filter((p) => p.length >= 2 && p[1]!.trim() !== "")
    .map(([label, ...rest]) => ({ label: label!, text: rest.join("\t") }));
}

/** Twitter airline sentiment dev CSV. */
export function readTweets(dir = dataDir()): LabelledText[] {
  return csvRecords(read(join(dir, "twitter-airline-sentiment", "tweets_dev.csv"))).map((r) => ({
    text: r.text ?? "",
    label: r.airline_sentiment ?? "",
  }));
}

export interface SlotSpan {
  readonly slot: string;
  readonly start: number;
  readonly end: number;
}

/** MultiDoGO dev turns with slot spans (consecutive tokens with the same label form one span). */
export function readMultidogo(dir = dataDir()): { text: string; spans: SlotSpan[] }[] {
  const out: { text: string; spans: SlotSpan[] }[] = [];
  const root = join(dir, "multidogo", "turn_level");
  if (!existsSync(root)) return out;
  for (const domain of readdirSync(root).sort()) {
    const lines = read(join(root, domain, "dev.tsv")).split("\n").slice(1);
    for (const line of lines) {
      const cols = line.split("\t");
      if (cols.length < 6) continue;
      const tokens = cols[3]!.split(" ");
      const labels = cols[4]!.split(" ");
      if (tokens.length !== labels.length) continue; // upstream lines broken by embedded newlines
      const spans: SlotSpan[] = [];
      let pos = 0;
      let prev: SlotSpan | null = null;
      tokens.forEach((tok, i) => {
        const start = pos;
        const end = pos + tok.length;
        pos = end + 1;
        const label = labels[i]!;
        if (label === "O" || label === "") {
          prev = null;
          return;
        }
        if (prev && prev.slot === label) {
          const merged: SlotSpan = { slot: label, start: prev.start, end };
          spans[spans.length - 1] = merged;
          prev = merged;
        } else {
          prev = { slot: label, start, end };
          spans.push(prev);
        }
      });
      out.push({ text: tokens.join(" "), spans });
    }
  }
  return out;
}

export interface ClincSplits {
  readonly train: LabelledText[];
  readonly val: LabelledText[];
  readonly oosTrain: LabelledText[];
  readonly oosVal: LabelledText[];
  /** intent → domain (oos has none). */
  readonly domainOf: ReadonlyMap<string, string>;
}

/** CLINC150 train/val and out-of-scope train/val items (the held-out test keys are not in the file). */
export function readClinc(dir = dataDir()): ClincSplits {
  const raw = JSON.parse(read(join(dir, "clinc150", "data_full.train_val.json"))) as Record<string, [string, string][]>;
  const domains = JSON.parse(read(join(dir, "clinc150", "domains.json"))) as Record<string, string[]>;
  const domainOf = new Map<string, string>();
  for (const [domain, intents] of Object.entries(domains)) for (const intent of intents) domainOf.set(intent, domain);
  const items = (key: string) => (raw[key] ?? []).map(([text, label]) => ({ text, label }));
  return { train: items("train"), val: items("val"), oosTrain: items("oos_train"), oosVal: items("oos_val"), domainOf };
}

/** BANKING77 train CSV (text,category). */
export function readBanking77(dir = dataDir()): LabelledText[] {
  return csvRecords(read(join(dir, "banking77", "train.csv"))).map((r) => ({ text: r.text ?? "", label: r.category ?? "" }));
}
