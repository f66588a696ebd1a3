import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { DomainError } from "../errors.js";
import { type ConfigIssue, configError, formatPath } from "./config-issue.js";

/** A parsed YAML text that can tell the line of any path in it. */
export interface YamlSource {
  readonly data: unknown;
  /** Line of the deepest existing node on `path` (the key's line for map entries); null if none. */
  lineOf(path: readonly PropertyKey[]): number | null;
}

/**
 * Parses YAML (1.2 core schema: "08:00" and 2026-12-25 stay strings, keys must be unique).
 *
 * @throws DomainError("invalid_config") listing each syntax error with its line.
 */
export function readYaml(text: string, source: string): YamlSource {
  const src = readYamlTolerant(text, source);
  if (src.syntaxIssues.length > 0) throw configError(source, src.syntaxIssues);
  return src;
}

/**
 * Parses YAML and keeps going past syntax errors: they are returned as issues, with the data the
 * parser could recover, so the rest of the file is checked in the same pass.
 */
export function readYamlTolerant(text: string, source: string): YamlSource & { readonly syntaxIssues: readonly ConfigIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const syntaxIssues = doc.errors.map((e) => ({
    path: "",
    line: e.linePos?.[0].line ?? null,
    message: `YAML syntax: ${(e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, "")}`,
  }));
  const line = (node: unknown): number | null => {
    const range = (node as { range?: readonly number[] } | null)?.range;
    return range?.[0] === undefined ? null : lineCounter.linePos(range[0]).line;
  };
  let data: unknown = null;
  try {
    data = toData(doc, source);
  } catch (err) {
    // A document broken past recovery: the syntax errors say why.
    if (syntaxIssues.length === 0) throw err;
  }
  return {
    data,
    syntaxIssues,
    lineOf(path) {
      let node: unknown = doc.contents;
      let found = line(node);
      for (const seg of path) {
        if (isAlias(node)) node = node.resolve(doc);
        if (isMap(node)) {
          const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(seg));
          if (pair === undefined) break;
          found = line(pair.key) ?? found;
          node = pair.value;
        } else if (isSeq(node) && typeof seg === "number") {
          const item = node.items[seg];
          if (item === undefined) break;
          found = line(item) ?? found;
          node = item;
        } else break;
      }
      return found;
    },
  };
}

/** Aliases a document may expand: enough for any hand-written config, far too few for a "billion laughs". */
const MAX_ALIAS_COUNT = 100;

function toData(doc: ReturnType<typeof parseDocument>, source: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      throw new DomainError(
        "invalid_input",
        `${source}: too many YAML alias expansions (more than ${MAX_ALIAS_COUNT}); write the values out instead of nesting aliases`,
        { path: "yaml" },
      );
    }
    throw err;
  }
}

/** Zod issues as config issues with YAML lines; an unknown key points at that key's line. */
export function toConfigIssues(issues: readonly z.core.$ZodIssue[], src: YamlSource): ConfigIssue[] {
  return issues.flatMap((issue) => {
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    return paths.map((path) => ({ path: formatPath(path), line: src.lineOf(path), message: issue.message }));
  });
}

/** A check on the raw data that still runs when the schema fails on types (cross-references). */
export type LooseCheck = (data: unknown) => readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];

/**
 * Reads YAML and parses it with `schema`, or throws one DomainError("invalid_config") listing
 * every problem as "path (line N): message": syntax errors, type errors and (through `loose`)
 * cross-references together (syntax first), so one kind of mistake never hides another.
 */
export function parseYamlWith<S extends z.ZodType>(schema: S, text: string, source: string, loose: LooseCheck = () => []): z.output<S> {
  const src = readYamlTolerant(text, source);
  if ((src.data === null || src.data === undefined) && src.syntaxIssues.length === 0) {
    throw configError(source, [{ path: "", line: null, message: "the file is empty" }]);
  }
  const result = schema.safeParse(src.data);
  if (result.success && src.syntaxIssues.length === 0) return result.data;
  const issues: ConfigIssue[] = [...src.syntaxIssues];
  if (!result.success && src.data !== null && src.data !== undefined) {
    issues.push(...toConfigIssues(result.error.issues, src));
    for (const l of loose(src.data)) issues.push({ path: formatPath(l.path), line: src.lineOf(l.path), message: l.message });
  }
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  throw configError(source, unique);
}
