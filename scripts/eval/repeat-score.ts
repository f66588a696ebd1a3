/** Per-field and micro-averaged counts for "agent asks for field X" decisions. */
import { ASKABLE_FIELDS, type AskableField } from "../../src/core/context/index.js";
import { type Prf, prf } from "./metrics.js";

export interface Counts { tp: number; fp: number; fn: number }

export class FieldScores {
  readonly byField = new Map<AskableField, Counts>(ASKABLE_FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }]));

  /** Adds one turn: `gold` and `predicted` sets of fields. */
  add(gold: ReadonlySet<AskableField>, predicted: ReadonlySet<AskableField>): void {
    for (const f of ASKABLE_FIELDS) {
      const c = this.byField.get(f)!;
      if (gold.has(f) && predicted.has(f)) c.tp++;
      else if (predicted.has(f)) c.fp++;
      else if (gold.has(f)) c.fn++;
    }
  }

  field(f: AskableField): Prf {
    const c = this.byField.get(f)!;
    return prf(c.tp, c.fp, c.fn);
  }

  micro(): Prf {
    let tp = 0, fp = 0, fn = 0;
    for (const c of this.byField.values()) { tp += c.tp; fp += c.fp; fn += c.fn; }
    return prf(tp, fp, fn);
  }
}
