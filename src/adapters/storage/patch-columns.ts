import { DomainError } from "../../core/errors.js";

/**
 * Copies the defined keys of `patch` to the column names given by `columns`.
 *
 * @example
 * patchColumns({ state: "queued" }, { state: (v) => ["state", v] }); // { state: "queued" }
 */
export function patchColumns<P extends object, R>(
  patch: P,
  columns: { readonly [K in keyof Required<P>]: (value: Required<P>[K]) => readonly [keyof R & string, unknown] },
): Partial<R> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as (keyof P & string)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    const map = columns[key];
    if (map === undefined) throw new DomainError("invalid_input", `unknown patch key "${key}"`, { key });
    const [column, columnValue] = map(value as Required<P>[typeof key]);
    out[column] = columnValue;
  }
  return out as Partial<R>;
}
