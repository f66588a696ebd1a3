import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DomainError } from "../core/errors.js";

/** A bare file name: no folder, no "..", a YAML extension. */
const BARE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}\.ya?ml$/;
const MAX_BYTES = 2_000_000;

/**
 * The text of a file an admin-posted scenario refers to. Only two kinds are read: a file of the
 * scenarios folder named by its bare name, or one of the known references (`../baton.yaml`, the
 * running config; `../demo-seed.yaml`, the roster). No other path, and no special files.
 *
 * @throws DomainError("invalid_input") for anything else.
 * @example
 * readScenarioFile("config/scenarios", { "../baton.yaml": "/etc/baton/baton.yaml" }, "vip-surge.yaml");
 */
export function readScenarioFile(dir: string, refs: Readonly<Record<string, string>>, name: string): string {
  const known = Object.hasOwn(refs, name) ? refs[name] : undefined;
  const path = known ?? (BARE_NAME.test(name) ? join(dir, name) : null);
  const allowed = [...Object.keys(refs), "a .yaml file of the scenarios folder, by name"].join(", ");
  if (path === null) throw new DomainError("invalid_input", `a scenario may only refer to ${allowed}; not "${name}"`, { path: "yaml" });
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error("not a regular file");
    size = st.size;
  } catch {
    throw new DomainError("invalid_input", `the scenario refers to "${name}", which is not a scenario file`, { path: "yaml" });
  }
  if (size > MAX_BYTES) throw new DomainError("invalid_input", `"${name}" is larger than ${MAX_BYTES} bytes`, { path: "yaml" });
  return readFileSync(path, "utf8");
}
