import type { HandoffContextV1 } from "../core/context/index.js";
import { DomainError } from "../core/errors.js";
import type { AgentProfile, Conversation, RoutingRequest } from "../core/model.js";
import { constraintsFor, mayServe, type RouterSnapshot, stepsDueBy } from "../core/routing/index.js";
import type { InboxItem } from "../ports/index.js";
import { visitorLabel } from "../core/visitor/index.js";
import type { Engine } from "./engine.js";
import type { QueueEntry } from "./events.js";
import { loadContext } from "./load-context.js";
import { requestFor } from "./restore-router.js";

/**
 * Whether a queued chat shows in an agent's queue: their teams' chats, chats with no team, and
 * chats they could take by hand (eligible once its escalation steps are applied: the router's
 * rule for "take"); a chat transferred to a named colleague shows to that colleague only.
 */
export function inQueueOf(agent: AgentProfile, r: RoutingRequest, appliedSteps: number): boolean {
  if (agent.role === "admin") return true;
  // A chat transferred to a named colleague is theirs alone (issue 12, seen 6), until its release step.
  const pinned = constraintsFor(r, appliedSteps).targetAgentId;
  if (pinned !== null) return pinned === agent.id;
  if (r.team === null || agent.teams.includes(r.team)) return true;
  return mayServe(agent, { ...constraintsFor(r, r.escalation.length), targetAgentId: null });
}

/**
 * The routing request a queued or offered conversation stands for: the router's (one node, or
 * the cluster's router leader), else rebuilt from the store like the leader rebuilds its router
 * (a follower's router is empty; its HTTP routes read here, so they see what the leader sees).
 * Null when the conversation was never handed off.
 */
export async function routingRequestOf(engine: Engine, c: Conversation): Promise<{ request: RoutingRequest; appliedSteps: number } | null> {
  const live = engine.router.requestOf(c.id);
  if (live !== null) return live;
  if (c.state !== "queued" && c.state !== "offered" && c.state !== "assigned") return null;
  const h = (await engine.deps.store.listHandoffs(c.id)).at(-1);
  if (h === undefined) return null;
  const customer = c.customerId === null ? null : await engine.deps.store.getCustomer(c.customerId);
  const request = requestFor(engine, c, h, customer, await engine.profiles());
  // The escalation steps due by now, as the leader's router applies them.
  return { request, appliedSteps: stepsDueBy(request, engine.now()) };
}

/**
 * Whether an agent may see a conversation: admins see all; agents see their own chats and the
 * queued chats in their queue (`inQueueOf`).
 */
export async function mayView(engine: Engine, agent: AgentProfile, conversationId: string): Promise<boolean> {
  if (agent.role === "admin") return true;
  const c = await engine.conversation(conversationId);
  if (c.assignedAgentId === agent.id) return true;
  if (c.state !== "queued" && c.state !== "offered") return false;
  const routed = await routingRequestOf(engine, c);
  return routed === null || inQueueOf(agent, routed.request, routed.appliedSteps);
}

/**
 * The team an inbox item belongs to: the team its conversation was last routed to (a transfer's
 * team, else its rule's target team); null when none (every agent may answer).
 */
export async function inboxTeamOf(engine: Engine, conversationId: string): Promise<string | null> {
  const c = await engine.deps.store.getConversation(conversationId);
  if (c === null) return null;
  const last = (await engine.deps.store.listHandoffs(conversationId)).at(-1);
  if (last?.toTeam) return last.toTeam;
  return engine.rule(last?.ruleId ?? c.ruleId)?.target.team ?? null;
}

/** The inbox as an agent sees it: their teams' items (admins: all). */
export async function inboxFor(engine: Engine, agent: AgentProfile, filter: { readonly status?: InboxItem["status"] }): Promise<InboxItem[]> {
  const items = await engine.deps.store.listInbox(filter);
  if (agent.role === "admin") return items;
  const out: InboxItem[] = [];
  for (const i of items) {
    const team = await inboxTeamOf(engine, i.conversationId);
    if (team === null || agent.teams.includes(team)) out.push(i);
  }
  return out;
}

/** Refuses an inbox item outside the agent's teams (as if it did not exist). */
export async function checkInboxScope(engine: Engine, agent: AgentProfile, itemId: string): Promise<void> {
  const item = (await engine.deps.store.listInbox({})).find((i) => i.id === itemId);
  if (item === undefined) throw new DomainError("not_found", `no inbox item ${itemId}`);
  if (agent.role === "admin") return;
  const team = await inboxTeamOf(engine, item.conversationId);
  if (team !== null && !agent.teams.includes(team)) throw new DomainError("forbidden", "this message belongs to another team's inbox");
}

/** The context panel for a conversation the agent may see (read-only for queued ones). */
export async function openConversation(engine: Engine, agent: AgentProfile, conversationId: string): Promise<HandoffContextV1> {
  if (!(await mayView(engine, agent, conversationId))) throw new DomainError("forbidden", "you may not open this conversation");
  return loadContext(engine, conversationId);
}

/** How many queued chats a queue view shows. */
const SHOWN = 100;

/** The queue as an agent's console shows it: their teams' chats (all chats for admins), best first. */
export async function queueFor(
  engine: Engine,
  agent: AgentProfile | null,
  queue: RouterSnapshot["queue"] = engine.router.queueHead(SHOWN, (r, steps) => agent === null || inQueueOf(agent, r, steps)),
): Promise<QueueEntry[]> {
  const { store } = engine.deps;
  const visible = queue.filter((q) => agent === null || inQueueOf(agent, q.request, q.appliedSteps));
  const out: QueueEntry[] = [];
  for (const q of visible.slice(0, SHOWN)) {
    const r = q.request;
    const c = await store.getConversation(r.conversationId);
    if (c === null) continue;
    const customer = c.customerId === null ? null : await store.getCustomer(c.customerId);
    const last = (await store.listMessages(c.id)).filter((m) => m.author === "visitor").at(-1);
    out.push({
      conversationId: r.conversationId,
      team: r.team,
      targetAgentId: r.targetAgentId,
      priority: r.priority,
      slaDeadline: r.slaDeadline,
      ruleId: r.ruleId,
      ruleName: engine.rule(r.ruleId)?.name ?? r.ruleId,
      language: r.language,
      summary: last?.text.slice(0, 140) ?? "",
      customerName: customer?.name ?? null,
      visitorLabel: visitorLabel({ visitorId: c.visitorId, customer, fields: await store.listFields(c.id) }).name,
      tier: customer?.tier ?? "standard",
      waitingSince: r.arrivedAt,
    });
  }
  return out;
}
