import type { Constraints } from "./constraints.js";
import type { Pick, QueueEntry, AgentState } from "./router-index.js";
import { pickReasons } from "./order.js";
import { decodeLevel } from "./eligibility.js";
import { toAlpha3 } from "../translation/iso639.js";
import type { Explanation, LayerStep } from "./types.js";

const LAYER_WORDS: Record<LayerStep["layer"], string> = {
  target: "not the requested agent",
  presence: "not online",
  excluded: "excluded (transferred away or declined)",
  team: "not in the team",
  skills: "missing the skills",
  language: "not speaking the language",
  tier: "not eligible for the customer tier",
  capacity: "at their concurrency cap",
};

function filtered(layers: readonly LayerStep[]): string[] {
  const out: string[] = [];
  for (const l of layers) if (l.before !== l.after) out.push(`${l.before - l.after} ${LAYER_WORDS[l.layer]}`);
  return out;
}

/**
 * Why the router chose this agent for an incoming chat: the pool they were picked from (skill
 * set, team, seniority, native speaker or translation), what beat the runner-up, and `notes`
 * (e.g. why the named CSM did not get it).
 */
export function explainPick(pick: Pick, name: string, c?: Constraints, notes: readonly string[] = []): Explanation {
  const key = pick.key;
  const last = pick.layers[pick.layers.length - 1];
  const reasons = key === null ? [] : pickReasons(key, pick.runnerUp, name, c);
  if (notes.length > 0) reasons.unshift(...notes);
  const via = key !== null && c !== undefined && !decodeLevel(key.level).native ? pick.agent?.profile.viaTranslation?.[c.language] : undefined;
  if (via !== undefined) reasons.push(`via translation (${toAlpha3(c?.language ?? "")}→${toAlpha3(via)})`);
  return {
    summary: `${name} chosen from ${last?.after ?? 0} eligible agent(s) with free capacity${reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}`,
    layers: pick.layers,
    reasons,
  };
}

const queuedExplanations = new WeakMap<readonly LayerStep[], Explanation>();

/**
 * Why a chat had to wait: which layer left nobody, and `notes` (the named CSM's state, the next
 * escalation step). Without notes, the same layer steps give the same explanation object (shared: read-only).
 */
export function explainQueued(layers: readonly LayerStep[], notes: readonly string[] = []): Explanation {
  let explanation = queuedExplanations.get(layers);
  if (explanation === undefined) {
    explanation = queuedExplanation(layers);
    queuedExplanations.set(layers, explanation);
  }
  if (notes.length === 0) return explanation;
  return { summary: `${explanation.summary}; ${notes.join("; ")}`, layers, reasons: [...explanation.reasons, ...notes] };
}

function queuedExplanation(layers: readonly LayerStep[]): Explanation {
  const gone = layers.find((l) => l.after === 0 && l.before > 0);
  const reasons = filtered(layers);
  const summary =
    layers[0]?.before === 0
      ? "queued: no agents are configured"
      : gone === undefined
        ? "queued: no eligible agent is free"
        : `queued: no eligible agent left after the ${gone.layer} layer (${reasons.join(", ")})`;
  return { summary, layers, reasons };
}

const NO_LAYERS: readonly LayerStep[] = Object.freeze([]);
const pullSummaries = new WeakMap<AgentState["profile"], string>();
const priorityReasons = new Map<number, string>();

/** Why an agent with freed capacity took this queued chat. */
export function explainPull(a: AgentState, e: QueueEntry, now: number): Explanation {
  const r = e.request;
  let summary = pullSummaries.get(a.profile);
  if (summary === undefined) {
    summary = `${a.profile.name} had free capacity and took the best queued chat they may take`;
    pullSummaries.set(a.profile, summary);
  }
  let priority = priorityReasons.get(r.priority);
  if (priority === undefined) {
    priority = `priority ${r.priority}`;
    if (priorityReasons.size < 1000) priorityReasons.set(r.priority, priority);
  }
  const language = e.constraints.language;
  const via = a.profile.languages.includes(language) ? undefined : a.profile.viaTranslation?.[language];
  return {
    summary: via === undefined ? summary : `${summary}, via translation (${toAlpha3(language)}→${toAlpha3(via)})`,
    layers: NO_LAYERS,
    reasons: [
      priority,
      `SLA deadline ${r.slaDeadline >= now ? `in ${Math.round((r.slaDeadline - now) / 1000)} s` : `passed ${Math.round((now - r.slaDeadline) / 1000)} s ago`}`,
      `waiting ${Math.round((now - r.arrivedAt) / 1000)} s`,
    ],
  };
}
