import type { CustomerTier, Lang, RoutingRule, Topic, TriggerKind } from "../model.js";

/** What a handoff looks like to the rules table. */
export interface RuleFacts {
  readonly topic: Topic;
  readonly trigger: TriggerKind;
  readonly tier: CustomerTier;
  readonly language: Lang;
  readonly afterHours: boolean;
}

/** One rule's verdict: whether it matched, whether it was the one chosen, and why. */
export interface RuleVerdict {
  readonly rule: RoutingRule;
  readonly matched: boolean;
  /** The first matching rule; later matches are shadowed by it. */
  readonly chosen: boolean;
  /** One line per `when` key, e.g. 'topic "billing" is in [billing, cancellation]'. */
  readonly reasons: readonly string[];
}

/** Primary language subtag, lower case: "es-ES" → "es". */
const primary = (lang: Lang) => lang.toLowerCase().split(/[-_]/)[0] ?? "";
const list = (xs: readonly string[]) => `[${xs.join(", ")}]`;

interface Check {
  readonly ok: boolean;
  readonly reason: string;
}

function inList<T extends string>(label: string, value: T, allowed: readonly T[] | undefined, norm = (x: T) => x as string): Check | null {
  if (allowed === undefined) return null;
  const ok = allowed.some((a) => norm(a) === norm(value));
  return { ok, reason: `${label} "${value}" is ${ok ? "" : "not "}in ${list(allowed)}` };
}

function notInList(language: Lang, excluded: readonly Lang[] | undefined): Check | null {
  if (excluded === undefined) return null;
  const ok = !excluded.some((l) => primary(l) === primary(language));
  return { ok, reason: `language "${language}" is ${ok ? "not " : ""}in the excluded ${list(excluded)}` };
}

/** Checks one rule's `when` against the facts; every key is checked, so the reasons are complete. */
export function checkRule(rule: RoutingRule, facts: RuleFacts): { readonly matched: boolean; readonly reasons: readonly string[] } {
  const w = rule.when;
  const checks: (Check | null)[] = [
    inList("topic", facts.topic, w.topics),
    inList("trigger", facts.trigger, w.triggers),
    inList("tier", facts.tier, w.tiers),
    inList("language", facts.language, w.languages, primary),
    notInList(facts.language, w.notLanguages),
    w.afterHours === undefined
      ? null
      : {
          ok: w.afterHours === facts.afterHours,
          reason: `${facts.afterHours ? "after hours" : "within hours"}, rule wants ${w.afterHours ? "after hours" : "within hours"}`,
        },
  ];
  const done = checks.filter((c): c is Check => c !== null);
  if (done.length === 0) return { matched: true, reasons: ["no conditions: matches everything"] };
  return { matched: done.every((c) => c.ok), reasons: done.map((c) => `${c.ok ? "✓" : "✗"} ${c.reason}`) };
}

/**
 * Every rule's verdict in table order, for the admin page's "which rule would match and why".
 * The first matching rule is `chosen`; rules after it that also match are shadowed.
 *
 * @example
 * explainMatch(rules, { topic: "billing", trigger: "keyword", tier: "standard", language: "en", afterHours: false })
 *   .find((v) => v.chosen)?.rule.id; // "billing"
 */
export function explainMatch(rules: readonly RoutingRule[], facts: RuleFacts): readonly RuleVerdict[] {
  let found = false;
  return rules.map((rule) => {
    const { matched, reasons } = checkRule(rule, facts);
    const chosen = matched && !found;
    found ||= matched;
    return { rule, matched, chosen, reasons };
  });
}

/**
 * The first rule whose `when` matches (absent keys match anything), with the reasons it
 * matched, or null when none does.
 *
 * @example
 * matchRule(config.rules, facts)?.rule.slaSeconds; // 60
 */
export function matchRule(rules: readonly RoutingRule[], facts: RuleFacts): { readonly rule: RoutingRule; readonly reasons: readonly string[] } | null {
  for (const rule of rules) {
    const { matched, reasons } = checkRule(rule, facts);
    if (matched) return { rule, reasons };
  }
  return null;
}
