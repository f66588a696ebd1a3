/**
 * eld's "large" n-gram database in a form that loads about 4x faster than eld's own loader.
 *
 * eld ships each database as a JavaScript module of one object literal (large: 4.4 MB, 245k n-grams
 * with a nested object each); importing it costs 1.5 s on an idle core and 5 s on a busy one, most
 * of Baton's cold start. `npm run train:nlu` writes the same data as `models/nlu/eld-large.json.gz`
 * with each n-gram's scores kept as one short string ("11:40,9:3"), which JSON.parse reads far faster;
 * a n-gram's scores are unpacked the first time a message contains it. The file records the eld
 * version it came from; with another eld installed it is ignored and eld loads its own database.
 * The data is eld's (Apache-2.0, © Nito T.M.).
 */
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import type { eld } from "eld";

export type EldInstance = typeof eld;
export const ELD_DATABASE_FILE = "eld-large.json.gz";

interface EldData {
  readonly type: string;
  readonly languages: Readonly<Record<string, string>>;
  readonly isSubset?: boolean;
  readonly ngrams: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

interface CompactEldData extends Omit<EldData, "ngrams"> {
  readonly eld: string;
  readonly ngrams: Readonly<Record<string, string>>;
}

/** The installed eld package's folder (found the way Node finds it), or null. */
function eldDir(): string | null {
  const require = createRequire(import.meta.url);
  for (const base of require.resolve.paths("eld") ?? []) {
    const dir = join(base, "eld");
    if (existsSync(join(dir, "src", "languageDetector.js"))) return dir;
  }
  return null;
}

/** The installed eld version, or null. */
export function installedEldVersion(): string | null {
  const dir = eldDir();
  if (dir === null) return null;
  try {
    return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

/** eld's internal constructor of an empty instance plus its data hook (not in its public exports). */
async function eldInternals(): Promise<{ createEld(): { instance: EldInstance; loadData(data: EldData): unknown } } | null> {
  const dir = eldDir();
  if (dir === null) return null;
  return (await import(pathToFileURL(join(dir, "src", "languageDetector.js")).href)) as never;
}

/** Gzipped compact form of the installed eld's `size` database (for `npm run train:nlu`). */
export async function compactEldDatabase(size: string): Promise<Uint8Array> {
  const dir = eldDir();
  const version = installedEldVersion();
  if (dir === null || version === null) throw new Error("eld is not installed");
  const { ngramsData } = (await import(pathToFileURL(join(dir, "src", "ngrams", `${size}.js`)).href)) as { ngramsData: EldData };
  const ngrams: Record<string, string> = {};
  for (const [gram, scores] of Object.entries(ngramsData.ngrams)) {
    ngrams[gram] = Object.entries(scores)
      .map(([lang, score]) => `${lang}:${score}`)
      .join(",");
  }
  const compact: CompactEldData = { eld: version, type: ngramsData.type, languages: ngramsData.languages, isSubset: ngramsData.isSubset ?? false, ngrams };
  const { gzipSync } = await import("node:zlib");
  return gzipSync(JSON.stringify(compact), { level: 9 });
}

/** Unpacks a n-gram's scores on first use; eld only reads `ngrams[gram]` and iterates the result. */
function lazyNgrams(packed: Readonly<Record<string, string>>): EldData["ngrams"] {
  const cache = new Map<string, Record<string, number> | undefined>();
  const unpack = (gram: string) => {
    if (cache.has(gram)) return cache.get(gram);
    const s = Object.hasOwn(packed, gram) ? packed[gram] : undefined;
    let scores: Record<string, number> | undefined;
    if (typeof s === "string") {
      scores = {};
      for (const pair of s.split(",")) {
        const colon = pair.indexOf(":");
        if (colon > 0) scores[pair.slice(0, colon)] = Number(pair.slice(colon + 1));
      }
    }
    cache.set(gram, scores);
    return scores;
  };
  return new Proxy({} as EldData["ngrams"], {
    get: (_, key) => (typeof key === "string" ? unpack(key) : undefined),
    has: (_, key) => typeof key === "string" && Object.hasOwn(packed, key),
  });
}

/** One read per file and process (a module import is cached the same way by eld's own loader). */
const loaded = new Map<string, Promise<EldInstance | null>>();

/**
 * An eld instance over the compact database file, or null when the file is missing, damaged or from
 * another eld version (the caller then uses eld's own loader). Shared by every caller in the process
 * (Baton never changes an instance's subset or settings).
 */
export function loadCompactEld(file: string): Promise<EldInstance | null> {
  let p = loaded.get(file);
  if (p === undefined) {
    p = readCompactEld(file);
    loaded.set(file, p);
  }
  return p;
}

async function readCompactEld(file: string): Promise<EldInstance | null> {
  try {
    const data = JSON.parse(gunzipSync(await readFile(file)).toString("utf8")) as CompactEldData;
    if (data.eld !== installedEldVersion() || typeof data.ngrams !== "object") return null;
    const internals = await eldInternals();
    if (internals === null) return null;
    const { instance, loadData } = internals.createEld();
    loadData({ type: data.type, languages: data.languages, isSubset: data.isSubset ?? false, ngrams: lazyNgrams(data.ngrams) });
    return instance;
  } catch {
    return null;
  }
}
