import type { Handoff } from "../model.js";
import { type AsyncPromise, type AsyncPromiseAttainment, asyncPromiseAttainment, splitAsync } from "./async-promises.js";
import {
  type CsatAnswer,
  type CsatDifference,
  type CsatSegmentSummary,
  csatBySegment,
  csatDifference,
} from "./csat.js";
import { handoffsByTrigger, type TriggerCount } from "./handoffs-by-trigger.js";
import { type DurationSummary, summarizeDurations } from "./percentile.js";
import { type RepeatFlag, type RepeatQuestionRate, repeatQuestionRate } from "./repeat-question-rate.js";
import type { RuleRef } from "./rule-ref.js";
import { type BotSeamSummary, seamByBot } from "./seam-by-bot.js";
import { type SlaAttainment, slaAttainment } from "./sla-attainment.js";
import { secondsToFirstHuman, type TimeToFirstHuman, timeToFirstHuman } from "./time-to-first-human.js";
import { type UnansweredReassignments, unansweredReassignments } from "./unanswered-reassignments.js";
import { type WaitEstimateError, waitEstimateError } from "./wait-estimate-error.js";

/** Every seam measurement over one window [from, to), as the dashboard and exports show it. */
export interface SeamReport {
  readonly from: number;
  readonly to: number;
  /** The `now` SLA outcomes were judged at. */
  readonly generatedAt: number;
  readonly handoffCount: number;
  readonly triggers: readonly TriggerCount[];
  readonly timeToFirstHuman: {
    /** All rules together, seconds. */
    readonly overall: DurationSummary;
    readonly byRule: readonly TimeToFirstHuman[];
  };
  /** Live SLA attainment per rule: async handoffs (a message left, or sent straight to the async path) are in `asyncPromises` instead. */
  readonly sla: readonly SlaAttainment[];
  /** Async handoffs (the visitor left a message): replied by the time they were promised. */
  readonly asyncPromises: AsyncPromiseAttainment;
  readonly csat: {
    readonly segments: readonly CsatSegmentSummary[];
    readonly postHandoffVsHumanOnly: CsatDifference;
  };
  readonly waitEstimate: WaitEstimateError;
  readonly repeatQuestions: RepeatQuestionRate;
  /** Per rule: handoffs taken back from an agent who did not answer in time, and routed again. */
  readonly unansweredReassignments: readonly UnansweredReassignments[];
  /**
   * Chats served through machine translation (issue 15), among the conversations handed off in
   * the window: how many, their translated messages, and messages the translator failed (the
   * agent read the original).
   */
  readonly translation: { readonly chats: number; readonly messages: number; readonly failed: number };
  /** The seam per bot in charge (Baton's own, each external bot, none); only with `botOf` in the input. */
  readonly byBot?: readonly BotSeamSummary[];
}

/** One conversation's translated messages (see `SeamReport.translation`). */
export interface TranslatedChat {
  readonly conversationId: string;
  readonly messages: number;
  readonly failed: number;
}

export interface SeamReportInput {
  readonly handoffs: readonly Handoff[];
  readonly csat: readonly (CsatAnswer & { readonly at: number })[];
  readonly repeatFlags: readonly RepeatFlag[];
  /** Replies promised to visitors who left a message (inbox items); none by default. */
  readonly asyncPromises?: readonly AsyncPromise[];
  /** Conversations with translated messages; none by default. */
  readonly translatedChats?: readonly TranslatedChat[];
  readonly rules: readonly RuleRef[];
  readonly from: number;
  readonly to: number;
  readonly now: number;
  /** Conversation id → the bot in charge ("builtin" when absent): splits the report by bot. CSAT answers need their conversationId for it. */
  readonly botOf?: Readonly<Record<string, string>>;
}

/**
 * Computes the whole seam report. Records outside [from, to) are ignored: handoffs by
 * `createdAt`, CSAT answers by `at`, repeat flags when their handoff is not in the window.
 * @example
 * const report = computeSeamReport({ handoffs, csat, repeatFlags, rules, from, to, now });
 * report.sla[0]; // { ruleId: "vip", total: 12, met: 10, breached: 1, pending: 1, attainment: 0.909 }
 */
export function computeSeamReport(input: SeamReportInput): SeamReport {
  const { from, to, now, rules } = input;
  const handoffs = input.handoffs.filter((h) => h.createdAt >= from && h.createdAt < to);
  const ids = new Set(handoffs.map((h) => h.id));
  const csat = input.csat.filter((r) => r.at >= from && r.at < to);
  const scores = (segment: CsatAnswer["segment"]) => csat.filter((r) => r.segment === segment).map((r) => r.score);
  const split = splitAsync(handoffs, input.asyncPromises ?? []);
  return {
    from,
    to,
    generatedAt: now,
    handoffCount: handoffs.length,
    triggers: handoffsByTrigger(handoffs),
    timeToFirstHuman: {
      overall: summarizeDurations(handoffs.map(secondsToFirstHuman).filter((x): x is number => x !== null)),
      byRule: timeToFirstHuman(handoffs, rules),
    },
    sla: slaAttainment(split.live, now, rules),
    asyncPromises: asyncPromiseAttainment(split.async, now, split.withoutMessage.length),
    csat: {
      segments: csatBySegment(csat),
      postHandoffVsHumanOnly: csatDifference(scores("post_handoff"), scores("human_only")),
    },
    waitEstimate: waitEstimateError(handoffs),
    repeatQuestions: repeatQuestionRate(input.repeatFlags.filter((f) => ids.has(f.handoffId))),
    unansweredReassignments: unansweredReassignments(handoffs, rules),
    ...(input.botOf === undefined ? {} : { byBot: seamByBot({ ...input, botOf: undefined }, input.botOf, computeSeamReport) }),
    translation: translationCounts(handoffs, input.translatedChats ?? []),
  };
}

function translationCounts(handoffs: readonly Handoff[], chats: readonly TranslatedChat[]): SeamReport["translation"] {
  const inWindow = new Set(handoffs.map((h) => h.conversationId));
  const counted = chats.filter((c) => inWindow.has(c.conversationId) && c.messages + c.failed > 0);
  return {
    chats: new Set(counted.map((c) => c.conversationId)).size,
    messages: counted.reduce((n, c) => n + c.messages, 0),
    failed: counted.reduce((n, c) => n + c.failed, 0),
  };
}
