import { isMap, isScalar, isSeq, type Node, parseDocument } from "yaml";
import { configError, formatPath } from "../core/config/index.js";

/** What the admin page shows in place of a secret written in the config file. */
export const MASK = "********";

/** Where baton.yaml may hold a secret: "*" is every item of a list. */
const SECRET_PATHS: readonly (readonly string[])[] = [
  ["server", "sessionSecret"],
  ["security", "previousSessionSecrets", "*"],
  ["security", "identity", "hmacSecret"],
  ["security", "identity", "jwtSecret"],
  ["security", "metricsToken"],
  ["smtp", "pass"],
  ["translation", "apiKey"],
  ["bots", "external", "*", "secret"],
];

/** URLs whose password is a secret (postgres://user:password@host/db, redis://:password@host). */
const URL_PATHS: readonly (readonly string[])[] = [
  ["storage", "url"],
  ["cluster", "redisUrl"],
];

interface Found {
  readonly node: Node & { range?: [number, number, number] | null; value?: unknown };
  /** The concrete path ("bots", "external", 0, "secret"). */
  readonly at: readonly (string | number)[];
}

function find(root: unknown, path: readonly string[], at: readonly (string | number)[] = []): Found[] {
  if (path.length === 0) return isScalar(root) ? [{ node: root as Found["node"], at }] : [];
  const [head, ...rest] = path as [string, ...string[]];
  if (head === "*") {
    if (!isSeq(root)) return [];
    return root.items.flatMap((item, i) => find(item, rest, [...at, i]));
  }
  if (!isMap(root)) return [];
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === head);
  return pair === undefined ? [] : find(pair.value, rest, [...at, head]);
}

function urlPassword(value: unknown): { url: URL; password: string } | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.password === "" ? null : { url, password: decodeURIComponent(url.password) };
  } catch {
    return null;
  }
}

/** Replaces [start, end) ranges of `text`, last first so earlier offsets hold. */
function splice(text: string, edits: readonly { start: number; end: number; with: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.with + out.slice(e.end);
  return out;
}

function edit(found: Found, replacement: string): { start: number; end: number; with: string } | null {
  const range = found.node.range;
  return range == null ? null : { start: range[0], end: range[1], with: JSON.stringify(replacement) };
}

/**
 * The config file's text as the admin page shows it: every secret written in it (session and
 * identity secrets, the metrics token, SMTP and translator credentials, bot signing secrets, the
 * password in a storage or Redis URL) replaced by `MASK`, the rest as written, line for line.
 *
 * @example
 * maskSecrets("smtp:\n  pass: hunter2hunter2\n"); // 'smtp:\n  pass: "********"\n'
 */
export function maskSecrets(text: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return text.replace(/^(\s*(?:sessionSecret|hmacSecret|jwtSecret|metricsToken|pass|apiKey|secret)\s*:\s*).+$/gm, `$1"${MASK}"`);
  const edits = [];
  for (const path of SECRET_PATHS) {
    for (const f of find(doc.contents, path)) {
      if (typeof f.node.value !== "string" || f.node.value === "") continue;
      const e = edit(f, MASK);
      if (e !== null) edits.push(e);
    }
  }
  for (const path of URL_PATHS) {
    for (const f of find(doc.contents, path)) {
      const u = urlPassword(f.node.value);
      if (u === null) continue;
      u.url.password = MASK;
      const e = edit(f, u.url.toString().replace(encodeURIComponent(MASK), MASK));
      if (e !== null) edits.push(e);
    }
  }
  return splice(text, edits);
}

/**
 * The text an admin saves, with each secret they left masked put back from the current file:
 * the same path, or for a bot the bot with the same id (bots can be reordered). A masked secret
 * with nothing to come back from (a new bot) is a validation error naming its path and line.
 */
export function restoreSecrets(edited: string, current: string, file: string): string {
  const doc = parseDocument(edited);
  if (doc.errors.length > 0) return edited; // the validation that follows reports the syntax error
  const was = parseDocument(current);
  const edits = [];
  const missing: { path: string; line: number | null; message: string }[] = [];
  const lineOf = (offset: number) => edited.slice(0, offset).split("\n").length;
  const previous = (path: readonly string[], at: readonly (string | number)[]): unknown => {
    if (path[0] === "bots") {
      // A bot's secret comes back from the bot with the same id (the list may have been reordered).
      const id = find(doc.contents, ["bots", "external", "*", "id"]).find((f) => f.at[2] === at[2])?.node.value;
      const bot = find(was.contents, ["bots", "external", "*", "id"]).find((f) => f.node.value === id);
      return bot === undefined ? undefined : find(was.contents, ["bots", "external", "*", "secret"]).find((f) => f.at[2] === bot.at[2])?.node.value;
    }
    return find(was.contents, path).find((f) => f.at.join("/") === at.join("/"))?.node.value;
  };
  for (const path of SECRET_PATHS) {
    for (const f of find(doc.contents, path)) {
      if (f.node.value !== MASK) continue;
      const value = previous(path, f.at);
      if (typeof value !== "string") {
        missing.push({ path: formatPath(f.at), line: f.node.range ? lineOf(f.node.range[0]) : null, message: `"${MASK}" stands for a secret of the saved file, and there is none here: write the secret itself (or set it in the environment)` });
        continue;
      }
      const e = edit(f, value);
      if (e !== null) edits.push(e);
    }
  }
  for (const path of URL_PATHS) {
    for (const f of find(doc.contents, path)) {
      const u = urlPassword(f.node.value);
      if (u === null || u.password !== MASK) continue;
      const before = urlPassword(find(was.contents, path)[0]?.node.value);
      if (before === null) {
        missing.push({ path: formatPath(f.at), line: f.node.range ? lineOf(f.node.range[0]) : null, message: `the password "${MASK}" stands for the saved file's, and there is none: write the password itself` });
        continue;
      }
      u.url.password = encodeURIComponent(before.password);
      const e = edit(f, u.url.toString());
      if (e !== null) edits.push(e);
    }
  }
  if (missing.length > 0) throw configError(file, missing);
  return splice(edited, edits);
}
