import type { HandoffContextV1 } from "../core/context/index.js";
import { DomainError } from "../core/errors.js";
import type { AgentProfile, RoutingRequest } from "../core/model.js";
import { constraintsFor, mayServe, type RouterSnapshot } from "../core/routing/index.js";
import type { Engine } from "./engine.js";
import type { QueueEntry } from "./events.js";
import { loadContext } from "./load-context.js";

/**
 * Whether a queued chat shows in an agent's queue: their teams' chats, chats with no team, and
 * chats they could take by hand (eligible once its escalation steps are applied, whoever it is
 * pinned to: the router's rule for "take").
 */
export function inQueueOf(agent: AgentProfile, r: RoutingRequest): boolean {
  if (agent.role === "admin" || r.team === null || agent.teams.includes(r.team)) return true;
  return mayServe(agent, { ...constraintsFor(r, r.escalation.length), targetAgentId: null });
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
  const request = engine.router.requestOf(conversationId)?.request;
  return request === undefined || inQueueOf(agent, request);
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
  queue: RouterSnapshot["queue"] = engine.router.queueHead(SHOWN, (r) => agent === null || inQueueOf(agent, r)),
): Promise<QueueEntry[]> {
  const { store } = engine.deps;
  const visible = queue.filter((q) => agent === null || inQueueOf(agent, q.request));
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
