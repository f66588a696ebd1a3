import type { Field, Message, Trigger } from "../model.js";
import { contentTokens, textSimilarity } from "../triggers/index.js";

/** Longest visitor part of a summary, in characters. */
export const SUMMARY_VISITOR_CHARS = 240;
const VALUE_CHARS = 40;

interface Candidate {
  readonly text: string;
  readonly order: number;
  readonly score: number;
}

/** Visitor sentences worth reading: content words, plus a bonus for numbers (ids, amounts) and questions. */
function candidates(messages: readonly Message[]): Candidate[] {
  const out: Candidate[] = [];
  for (const m of messages) {
    if (m.author !== "visitor") continue;
    for (const s of m.text.split(/(?<=[.!?])\s+|\n+/u)) {
      const text = s.trim().replace(/\s+/g, " ");
      const n = contentTokens(text).size;
      if (n === 0) continue;
      out.push({ text, order: out.length, score: n + (/\d/.test(text) ? 2 : 0) + (text.includes("?") ? 1 : 0) });
    }
  }
  return out;
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

/** The visitor's most informative sentences, in their original order, at most `max` characters. */
function visitorPart(messages: readonly Message[], max: number): string {
  const picked: Candidate[] = [];
  let length = 0;
  const byScore = candidates(messages).sort((a, b) => b.score - a.score || a.order - b.order);
  for (const c of byScore) {
    if (picked.some((p) => textSimilarity(p.text, c.text) >= 0.8)) continue;
    const add = (picked.length > 0 ? 1 : 0) + c.text.length;
    if (length + add <= max) {
      picked.push(c);
      length += add;
    } else if (picked.length === 0) {
      return clip(c.text, max);
    }
  }
  return picked
    .sort((a, b) => a.order - b.order)
    .map((c) => c.text)
    .join(" ");
}

/** Ends with one full stop: a transfer note that has its own ("…a corrected invoice.") gets no second. */
const sentence = (text: string): string => (/[.!?…]["”»)]?$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`);

/**
 * A short extractive summary for the agent: the visitor's most informative sentences (at most
 * 240 characters, near-duplicates dropped), the known fields, and why it was handed off.
 * @example
 * summarize(messages, fields, trigger)
 * // 'Visitor: "My order A12345 never arrived." Known: order_number A12345. Handoff: visitor wrote "refund".'
 */
export function summarize(messages: readonly Message[], fields: readonly Field[], trigger: Trigger, routed?: string): string {
  const said = visitorPart(messages, SUMMARY_VISITOR_CHARS);
  const parts = [said === "" ? "Visitor: (nothing written yet)." : `Visitor: "${said}"`];
  const latest = new Map<string, string>();
  for (const f of [...fields].sort((a, b) => a.at - b.at)) latest.set(f.name, f.value);
  if (latest.size > 0) parts.push(`Known: ${[...latest].map(([k, v]) => `${k} ${clip(v, VALUE_CHARS)}`).join("; ")}.`);
  parts.push(`Handoff: ${sentence(trigger.reason)}`);
  if (routed !== undefined) parts.push(`Routed: ${sentence(routed)}`);
  return parts.join(" ");
}
