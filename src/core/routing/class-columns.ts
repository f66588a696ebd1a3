import type { AgentProfile } from "../model.js";
import type { Constraints } from "./constraints.js";
import { encodeLevel } from "./eligibility.js";

/** A class's verdict code: pass, or the first class-level layer that filters it out. */
export const PASS = 1;
export const FAIL_TEAM = 2;
export const FAIL_SKILLS = 3;
export const FAIL_LANGUAGE = 4;
export const FAIL_TIER = 5;

/**
 * A dense table with one row per agent class and one column per name (skill, team or
 * language), so judging a class reads a few numbers next to each other instead of walking
 * the profile's arrays of objects. Absent cells hold -1.
 */
class NameTable {
  private readonly columns = new Map<string, number>();
  private stride = 8;
  private rows = 0;
  private cells = new Float64Array(8 * 64).fill(-1);

  /** The column of a name, added (for every row, as absent) the first time it is asked for. */
  column(name: string): number {
    let col = this.columns.get(name);
    if (col === undefined) {
      col = this.columns.size;
      this.columns.set(name, col);
      if (col >= this.stride) this.resize(this.stride * 2, this.rows);
    }
    return col;
  }

  set(row: number, col: number, value: number): void {
    if (row >= this.rows) this.resize(this.stride, Math.max(row + 1, this.rows * 2));
    this.cells[row * this.stride + col] = value;
  }

  get(row: number, col: number): number {
    return row < this.rows ? (this.cells[row * this.stride + col] as number) : -1;
  }

  private resize(stride: number, rows: number): void {
    const cells = new Float64Array(stride * Math.max(rows, 64)).fill(-1);
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.stride; c++) cells[r * stride + c] = this.cells[r * this.stride + c] as number;
    }
    this.cells = cells;
    this.stride = stride;
    this.rows = Math.max(rows, 64);
  }
}

/** Class-level constraints with their names turned into columns, made once per class signature. */
export interface ColumnQuery {
  readonly teams: readonly number[] | null;
  readonly skillSets: readonly (readonly number[])[];
  readonly language: number;
  /** The language's column among the languages served through the translator. */
  readonly translated: number;
  readonly allowTranslation: boolean;
  /** any: no tier layer; senior: seniors only (the named CSM is judged per agent); none: nobody. */
  readonly tier: "any" | "senior" | "none";
  readonly seniorFirst: boolean;
}

/**
 * The routing-relevant parts of every agent class as columns: proficiency per skill,
 * membership per team and language, translation and seniority. `judge` gives the same
 * verdict as `judgeClass` (agent-class.ts) on the class's profile.
 */
export class ClassColumns {
  private readonly skills = new NameTable();
  private readonly teams = new NameTable();
  private readonly languages = new NameTable();
  /** Visitor languages served through the translator (when one is wired in: flag 4 clear). */
  private readonly translated = new NameTable();
  private flags = new Uint8Array(64);

  add(id: number, p: AgentProfile): void {
    for (const s of p.skills) this.skills.set(id, this.skills.column(s.skill), s.proficiency);
    for (const t of p.teams) this.teams.set(id, this.teams.column(t), 1);
    for (const l of p.languages) this.languages.set(id, this.languages.column(l), 1);
    for (const l of Object.keys(p.viaTranslation ?? {})) this.translated.set(id, this.translated.column(l), 1);
    if (id >= this.flags.length) {
      const flags = new Uint8Array(Math.max(2 * this.flags.length, id + 1));
      flags.set(this.flags);
      this.flags = flags;
    }
    this.flags[id] = (p.translationEnabled ? 1 : 0) | (p.senior ? 2 : 0) | (p.viaTranslation === undefined ? 4 : 0);
  }

  query(c: Constraints): ColumnQuery {
    return {
      teams: c.teams === null ? null : c.teams.map((t) => this.teams.column(t)),
      skillSets: c.skillSets.map((set) => set.map((s) => this.skills.column(s))),
      language: this.languages.column(c.language),
      translated: this.translated.column(c.language),
      allowTranslation: c.allowTranslation,
      tier: c.tier === "any" ? "any" : c.tier === "senior" || c.csmAgentId === null ? "senior" : "none",
      seniorFirst: c.seniorFirst,
    };
  }

  /** The verdict code for class `id` (PASS or a FAIL_ code); its pick level (`levelFor`) goes to `out[0]`. */
  judge(id: number, q: ColumnQuery, out: Float64Array): number {
    let set = -1;
    let weakest = -1;
    for (let i = 0; i < q.skillSets.length && set < 0; i++) {
      const cols = q.skillSets[i] as readonly number[];
      let w = cols.length === 0 ? 0 : Number.POSITIVE_INFINITY;
      for (const col of cols) {
        const held = this.skills.get(id, col);
        if (held < 0) {
          w = -1;
          break;
        }
        if (held < w) w = held;
      }
      if (w >= 0) {
        set = i;
        weakest = w;
      }
    }
    let team = 0;
    if (q.teams !== null) {
      team = -1;
      for (let i = 0; i < q.teams.length && team < 0; i++) if (this.teams.get(id, q.teams[i] as number) > 0) team = i;
    }
    const flags = this.flags[id] ?? 0;
    const native = this.languages.get(id, q.language) >= 0;
    out[0] = set < 0 ? -1 : encodeLevel({ skillSet: set, team: team < 0 ? 63 : team, senior: q.seniorFirst && (flags & 2) !== 0, native, proficiency: weakest });
    if (team < 0) return FAIL_TEAM;
    if (set < 0) return FAIL_SKILLS;
    const translates = (flags & 4) !== 0 || this.translated.get(id, q.translated) >= 0;
    if (!native && !(q.allowTranslation && (flags & 1) !== 0 && translates)) return FAIL_LANGUAGE;
    if (q.tier === "none" || (q.tier === "senior" && (flags & 2) === 0)) return FAIL_TIER;
    return PASS;
  }
}
