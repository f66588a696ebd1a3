/** Whether, after one handoff, the agent asked for something known or the visitor restated themselves. */
export interface RepeatFlag {
  readonly handoffId: string;
  readonly ruleId: string;
  readonly repeated: boolean;
}

export interface RepeatRate {
  readonly count: number;
  readonly repeated: number;
  /** repeated / count; null when count is 0. */
  readonly rate: number | null;
}

export interface RepeatQuestionRate extends RepeatRate {
  /** Per rule, in order of first appearance. */
  readonly byRule: readonly (RepeatRate & { readonly ruleId: string })[];
}

/**
 * Share of handoffs after which a question was repeated, overall and per rule. A handoff id that
 * appears more than once counts once (repeated if any of its flags says so).
 * @example
 * repeatQuestionRate([{ handoffId: "h1", ruleId: "vip", repeated: true }, { handoffId: "h2", ruleId: "vip", repeated: false }]);
 * // { count: 2, repeated: 1, rate: 0.5, byRule: [{ ruleId: "vip", count: 2, repeated: 1, rate: 0.5 }] }
 */
export function repeatQuestionRate(perHandoffFlags: readonly RepeatFlag[]): RepeatQuestionRate {
  const byHandoff = new Map<string, RepeatFlag>();
  for (const f of perHandoffFlags) {
    const seen = byHandoff.get(f.handoffId);
    byHandoff.set(f.handoffId, seen ? { ...seen, repeated: seen.repeated || f.repeated } : f);
  }
  const flags = [...byHandoff.values()];
  const ruleIds = [...new Set(flags.map((f) => f.ruleId))];
  return {
    ...rateOf(flags),
    byRule: ruleIds.map((ruleId) => ({ ruleId, ...rateOf(flags.filter((f) => f.ruleId === ruleId)) })),
  };
}

function rateOf(flags: readonly RepeatFlag[]): RepeatRate {
  const repeated = flags.filter((f) => f.repeated).length;
  return { count: flags.length, repeated, rate: flags.length === 0 ? null : repeated / flags.length };
}
