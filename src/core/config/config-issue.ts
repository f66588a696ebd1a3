import { DomainError } from "../errors.js";

/** One thing wrong with a config file: where (path and YAML line) and what. */
export interface ConfigIssue {
  /** "rules[2].slaSeconds"; an environment variable name for env overrides; "" for the whole file. */
  readonly path: string;
  /** 1-based line in the YAML file, or null when there is none (env, missing file content). */
  readonly line: number | null;
  readonly message: string;
}

/** "rules[2].target.team" from ["rules", 2, "target", "team"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, seg) => (typeof seg === "number" ? `${out}[${seg}]` : out === "" ? String(seg) : `${out}.${String(seg)}`), "");
}

/**
 * The DomainError("invalid_config") every config parser throws: the message lists each issue as
 * "path (line N): message", and `details.issues` carries them for the admin page and the logs.
 */
export function configError(source: string, issues: readonly ConfigIssue[]): DomainError {
  const lines = issues.map((i) => {
    const where = `${i.path === "" ? "(file)" : i.path}${i.line === null ? "" : ` (line ${i.line})`}`;
    return `  ${where}: ${i.message}`;
  });
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  return new DomainError("invalid_config", `${source} is invalid (${count}):\n${lines.join("\n")}`, { source, issues });
}
