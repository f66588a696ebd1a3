import { DomainError } from "../core/errors.js";
import type { Handoff, RoutingRequest } from "../core/model.js";
import { transferTrigger } from "../core/triggers/index.js";
import { applyRouterEffects } from "./apply-router-effects.js";
import type { Engine } from "./engine.js";
import { bucketText, systemText } from "./system-text.js";
import { waitFor } from "./visitor-status.js";
import { postMessage } from "./post-message.js";

export interface TransferInput {
  readonly fromAgentId: string;
  readonly conversationId: string;
  readonly to: { readonly agentId: string } | { readonly team: string };
  readonly note: string;
}

/**
 * Passes a chat on with a note. The context stays whole; the new handoff carries the note and
 * the earlier handoff, and the sender is never picked again for it.
 */
export async function transferConversation(engine: Engine, input: TransferInput): Promise<Handoff> {
  const { store, agents } = engine.deps;
  const c = await engine.conversation(input.conversationId);
  if (c.state !== "assigned" || c.assignedAgentId !== input.fromAgentId) {
    throw new DomainError("not_assigned_to_you", "only the agent holding a chat can transfer it");
  }
  const note = input.note.trim();
  if (note === "") throw new DomainError("invalid_input", "a transfer needs a note");
  const toAgentId = "agentId" in input.to ? input.to.agentId : null;
  const toTeam = "team" in input.to ? input.to.team : null;
  let fallbackTeam: string | null = null;
  if (toAgentId !== null) {
    if (toAgentId === input.fromAgentId) throw new DomainError("invalid_input", "you cannot transfer a chat to yourself");
    const target = await agents.getAgent(toAgentId);
    if (target === null) throw new DomainError("agent_not_found", `no agent ${toAgentId}`);
    fallbackTeam = target.profile.teams[0] ?? null;
    const presence = engine.router.agent(toAgentId)?.presence ?? "offline";
    if (presence !== "online" && engine.config.transfers.toOfflineAgent === "refuse") {
      throw new DomainError("conflict", `${target.profile.name} is ${presence}: transfer to their team, or to a colleague who is online`);
    }
  }
  if (toTeam !== null && engine.team(toTeam) === null) throw new DomainError("not_found", `no team ${toTeam}`);
  const now = engine.now();
  const previous = (await store.listHandoffs(c.id)).at(-1);
  const rule = engine.rule(c.ruleId);
  const slaSeconds = rule?.slaSeconds ?? 120;
  const handoff: Handoff = {
    id: engine.deps.newId(),
    conversationId: c.id,
    trigger: transferTrigger(now, (await agents.getAgent(input.fromAgentId))?.profile.name ?? input.fromAgentId, note),
    ruleId: previous?.ruleId ?? rule?.id ?? "transfer",
    priority: c.priority,
    slaDeadline: now + slaSeconds * 1000,
    estimate: null,
    fromAgentId: input.fromAgentId,
    toAgentId,
    toTeam,
    note,
    createdAt: now,
    assignedAt: null,
    firstHumanAt: null,
  asyncPromisedBy: null,
    unansweredReassignments: 0,
  };
  await store.createHandoff(handoff);
  await store.updateConversation(c.id, { slaDeadline: handoff.slaDeadline, updatedAt: now });
  const request = transferRequest(handoff, c.language, rule?.target.allowTranslation ?? true, {
    team: fallbackTeam,
    afterSeconds: engine.config.transfers.fallbackToTeamAfterSeconds,
  });
  const effects = engine.router.apply({ kind: "transfer", request }, now);
  await postMessage(engine, {
    conversationId: c.id,
    author: "system",
    text: systemText(c.language, "transferred"),
  });
  // Not taken at once (the colleague is away, or busy): the visitor is told the wait, not left with "transferred".
  const wait = engine.router.stateOf(c.id) === "queued" ? waitFor(engine, c.id) : null;
  if (wait !== null) {
    await postMessage(engine, {
      conversationId: c.id,
      author: "system",
      text: systemText(c.language, "queuePosition", { position: wait.position, wait: bucketText(c.language, wait.bucket) }),
    });
  }
  await applyRouterEffects(engine, effects);
  return handoff;
}

/**
 * The routing request of a transfer handoff (also used to rebuild the router after a restart).
 * A transfer to a named colleague waits for them, then goes to `fallback.team` (their team) after
 * `fallback.afterSeconds`, so the chat is never pinned to someone who does not come.
 */
export function transferRequest(
  h: Handoff,
  language: string,
  allowTranslation: boolean,
  fallback: { readonly team: string | null; readonly afterSeconds: number } | null = null,
): RoutingRequest {
  return {
    conversationId: h.conversationId,
    ruleId: h.ruleId,
    skills: [],
    team: h.toTeam,
    language,
    // A colleague chose the target: language is the sender's judgement, not a filter.
    allowTranslation: h.toAgentId !== null ? true : allowTranslation,
    tier: "any",
    csmAgentId: null,
    priority: h.priority,
    triggeredAt: h.trigger.at,
    arrivedAt: h.createdAt,
    slaDeadline: h.slaDeadline,
    escalation:
      h.toAgentId !== null && fallback !== null ? [{ afterSeconds: fallback.afterSeconds, action: { kind: "release_target", team: fallback.team } }] : [],
    excludeAgentIds: h.fromAgentId === null ? [] : [h.fromAgentId],
    targetAgentId: h.toAgentId,
  };
}
