/**
 * Readers for `npm run eval:repeat`: SGD and STAR dev dialogues turned into labelled agent turns.
 * Each agent turn carries the fields the dataset says it asks for, the fields already known before
 * it, and the fields it re-asks (asked while the same dataset slot was already filled).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { AskableField } from "../../src/core/context/index.js";
import { SGD_SLOT_FIELD, STAR_ASK, STAR_SLOT_FIELD } from "./repeat-label-map.js";

export interface LabelledAgentTurn {
  readonly dialogueId: string;
  readonly text: string;
  /** In-scope fields the agent asks for (dataset labels through the mapping). */
  readonly asked: ReadonlySet<AskableField>;
  /** Fields already known before this turn (filled slots through the mapping). */
  readonly known: ReadonlySet<AskableField>;
  /** Asked fields whose own dataset slot was already filled: true re-asks. */
  readonly reasked: ReadonlySet<AskableField>;
  /** The turn also asks for an out-of-scope slot (for the error breakdown). */
  readonly asksOutOfScope: boolean;
  /**
   * The dataset's own keys of the in-scope asks (SGD `service:slot`, STAR action label): two turns
   * ask the same question again only when they share one. Mapped fields are coarser ("date" is both
   * the departure and the return date), so they do not say whether a question was repeated.
   */
  readonly askedKeys: ReadonlySet<string>;
}

const lines = (path: string) => gunzipSync(readFileSync(path)).toString("utf8").split("\n").filter((l) => l.trim() !== "");
const fieldOf = (map: Readonly<Record<string, AskableField>>, slot: string) => (Object.hasOwn(map, slot) ? map[slot]! : null);

interface SgdAction { readonly act: string; readonly slot: string; readonly values?: readonly string[] }
interface SgdFrame {
  readonly service: string;
  readonly actions: readonly SgdAction[];
  readonly state?: { readonly slot_values: Readonly<Record<string, readonly string[]>> };
}
interface SgdDialogue { readonly dialogue_id: string; readonly turns: readonly { readonly speaker: string; readonly utterance: string; readonly frames: readonly SgdFrame[] }[] }

/** SGD dev: every SYSTEM turn; asked = REQUEST slots without a proposed value; known = slots in the dialogue state so far. */
export function readSgdTurns(dir: string): LabelledAgentTurn[] {
  const out: LabelledAgentTurn[] = [];
  for (const line of lines(join(dir, "sgd", "sgd_dev.jsonl.gz"))) {
    const d = JSON.parse(line) as SgdDialogue;
    const filled = new Map<string, Set<string>>(); // service -> slots with a value
    for (const turn of d.turns) {
      if (turn.speaker === "USER") {
        for (const f of turn.frames) {
          const slots = filled.get(f.service) ?? new Set<string>();
          for (const [slot, values] of Object.entries(f.state?.slot_values ?? {})) if (values.length > 0) slots.add(slot);
          filled.set(f.service, slots);
        }
        continue;
      }
      const known = new Set<AskableField>();
      for (const slots of filled.values()) for (const s of slots) { const f = fieldOf(SGD_SLOT_FIELD, s); if (f) known.add(f); }
      const asked = new Set<AskableField>();
      const reasked = new Set<AskableField>();
      const askedKeys = new Set<string>();
      let asksOutOfScope = false;
      for (const frame of turn.frames) {
        for (const a of frame.actions) {
          // REQUEST with a proposed value ("Are you leaving on March 10th?") is a yes/no confirmation, not an ask.
          if (a.act !== "REQUEST" || (a.values?.length ?? 0) > 0) continue;
          const f = fieldOf(SGD_SLOT_FIELD, a.slot);
          if (f === null) { asksOutOfScope = true; continue; }
          asked.add(f);
          askedKeys.add(`${frame.service}:${a.slot}`);
          if (filled.get(frame.service)?.has(a.slot)) reasked.add(f);
        }
      }
      out.push({ dialogueId: `sgd:${d.dialogue_id}`, text: turn.utterance, asked, known, reasked, asksOutOfScope, askedKeys });
    }
  }
  return out;
}

interface StarEvent {
  readonly agent: string;
  readonly action: string;
  readonly text?: string;
  readonly action_label?: string;
  readonly constraints?: readonly Readonly<Record<string, string>>[];
}

/**
 * STAR dev: every wizard `pick_suggestion` turn (the labelled ones; free-text wizard turns carry no
 * label and are skipped); asked = the mapped `*_ask_*` label; known = slots of earlier `query` events.
 */
export function readStarTurns(dir: string): LabelledAgentTurn[] {
  const out: LabelledAgentTurn[] = [];
  for (const line of lines(join(dir, "star", "star_dev.jsonl.gz"))) {
    const d = JSON.parse(line) as { readonly dialogue_id: number; readonly events: readonly StarEvent[] };
    const filled = new Set<string>();
    for (const e of d.events) {
      if (e.agent === "Wizard" && e.action === "query") {
        for (const c of e.constraints ?? []) for (const slot of Object.keys(c)) filled.add(slot);
        continue;
      }
      if (e.agent !== "Wizard" || e.action !== "pick_suggestion" || !e.action_label) continue;
      const label = e.action_label;
      const ask = Object.hasOwn(STAR_ASK, label) ? STAR_ASK[label]! : null;
      const known = new Set<AskableField>();
      for (const s of filled) { const f = fieldOf(STAR_SLOT_FIELD, s); if (f) known.add(f); }
      out.push({
        dialogueId: `star:${d.dialogue_id}`,
        text: e.text ?? "",
        asked: new Set(ask ? [ask.field] : []),
        known,
        reasked: new Set(ask?.slots.some((s) => filled.has(s)) ? [ask.field] : []),
        asksOutOfScope: ask === null && /(^|_)ask(_|$)/.test(label),
        askedKeys: new Set(ask ? [label] : []),
      });
    }
  }
  return out;
}
