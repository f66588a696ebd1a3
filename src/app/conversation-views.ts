import type { HandoffContextV1 } from "../core/context/index.js";
import { DomainError } from "../core/errors.js";
import type { AgentProfile } from "../core/model.js";
import type { InboxItem } from "../ports/index.js";
import type { RouterSnapshot } from "../core/routing/index.js";
import type { Engine } from "./engine.js";
import type { QueueEntry } from "./events.js";
import { loadContext } from "./load-context.js";

/** Who a queued chat is for: a team (null: any), or one named colleague (a transfer). */
export interface QueueScope {
  readonly team: string | null;
  readonly targetAgentId: string | null;
}

/**
 * Whether an agent may see a queued chat: admins see all; a chat transferred to a named
 * colleague is theirs alone; otherwise the chats of the agent's teams and chats with no team.
 */
export function inQueueScope(agent: Pick<AgentProfile, "id" | "role" | "teams">, q: QueueScope): boolean {
  if (agent.role === "admin") return true;
  if (q.targetAgentId !== null) return q.targetAgentId === agent.id;
  return q.team === null || agent.teams.includes(q.team);
}

/**
 * Whether an agent may see a conversation: admins see all; agents see their own chats and the
 * queued chats in their scope (see inQueueScope).
 */
export async function mayView(engine: Engine, agent: AgentProfile, conversationId: string): Promise<boolean> {
  if (agent.role === "admin") return true;
  const c = await engine.conversation(conversationId);
  if (c.assignedAgentId === agent.id) return true;
  if (c.state !== "queued" && c.state !== "offered") return false;
  const request = engine.router.requestOf(conversationId)?.request;
  if (request === undefined) return false;
  return inQueueScope(agent, request);
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
  queue: RouterSnapshot["queue"] = engine.router.queueHead(SHOWN, (r) => agent === null || inQueueScope(agent, r)),
): Promise<QueueEntry[]> {
  const { store } = engine.deps;
  const visible = queue.filter((q) => agent === null || inQueueScope(agent, q.request));
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
      tier: customer?.tier ?? "standard",
      waitingSince: r.arrivedAt,
    });
  }
  return out;
}
