import type { CsatAnswer, CsatSegmentSummary } from "./csat.js";
import type { TriggerCount } from "./handoffs-by-trigger.js";
import type { DurationSummary } from "./percentile.js";
import type { RepeatRate } from "./repeat-question-rate.js";
import type { SeamReport, SeamReportInput } from "./seam-report.js";

/** The seam measured for the chats of one bot: Baton's own ("builtin"), "none", or an external bot by id. */
export interface BotSeamSummary {
  readonly bot: string;
  readonly handoffCount: number;
  /** Trigger kinds that handed this bot's chats off (none left out). */
  readonly triggers: readonly TriggerCount[];
  readonly timeToFirstHuman: DurationSummary;
  /** Live SLA over every rule together. */
  readonly sla: { readonly total: number; readonly met: number; readonly breached: number; readonly pending: number; readonly attainment: number | null };
  readonly csat: readonly CsatSegmentSummary[];
  readonly repeatQuestions: RepeatRate;
}

/** Baton's bot first, then "none", then the external bots by id. */
function order(a: string, b: string): number {
  const rank = (x: string) => (x === "builtin" ? 0 : x === "none" ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Splits the seam by the bot in charge of each conversation (`botOf`: conversation id → bot;
 * absent: "builtin"), so Baton's own bot and each external bot are judged side by side. Only bots
 * with a handoff or a CSAT answer in the window appear. `report` computes one bot's slice.
 *
 * @example
 * seamByBot(input, { c1: "rasa" }, computeSeamReport).map((b) => [b.bot, b.handoffCount]) // [["builtin", 4], ["rasa", 2]]
 */
export function seamByBot(
  input: SeamReportInput,
  botOf: Readonly<Record<string, string>>,
  report: (input: SeamReportInput) => SeamReport,
): BotSeamSummary[] {
  const bot = (conversationId: string | undefined) => (conversationId !== undefined && Object.hasOwn(botOf, conversationId) ? (botOf[conversationId] ?? "builtin") : "builtin");
  const inWindow = (at: number) => at >= input.from && at < input.to;
  const csat = input.csat as readonly (CsatAnswer & { readonly at: number; readonly conversationId?: string })[];
  const bots = new Set<string>([
    ...input.handoffs.filter((h) => inWindow(h.createdAt)).map((h) => bot(h.conversationId)),
    ...csat.filter((c) => inWindow(c.at)).map((c) => bot(c.conversationId)),
  ]);
  return [...bots].sort(order).map((b) => {
    const handoffs = input.handoffs.filter((h) => bot(h.conversationId) === b);
    const ids = new Set(handoffs.map((h) => h.id));
    const r = report({
      ...input,
      handoffs,
      csat: csat.filter((c) => bot(c.conversationId) === b),
      repeatFlags: input.repeatFlags.filter((f) => ids.has(f.handoffId)),
      asyncPromises: (input.asyncPromises ?? []).filter((p) => bot(p.conversationId) === b),
    });
    const sum = (k: "total" | "met" | "breached" | "pending") => r.sla.reduce((n, s) => n + s[k], 0);
    const met = sum("met");
    const breached = sum("breached");
    return {
      bot: b,
      handoffCount: r.handoffCount,
      triggers: r.triggers.filter((t) => t.count > 0),
      timeToFirstHuman: r.timeToFirstHuman.overall,
      sla: { total: sum("total"), met, breached, pending: sum("pending"), attainment: met + breached === 0 ? null : met / (met + breached) },
      csat: r.csat.segments,
      repeatQuestions: { count: r.repeatQuestions.count, repeated: r.repeatQuestions.repeated, rate: r.repeatQuestions.rate },
    };
  });
}
