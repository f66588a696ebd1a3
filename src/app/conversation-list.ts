import type { VisitorInfo } from "../core/context/index.js";
import { DomainError } from "../core/errors.js";
import type { AgentProfile, Conversation, ConversationState } from "../core/model.js";
import { cityOfTimeZone, visitorLabel } from "../core/visitor/index.js";
import { inboxTeamOf, inQueueOf, mayView, routingRequestOf } from "./conversation-views.js";
import type { Engine } from "./engine.js";
import type { PresentedMessage } from "./events.js";
import { presentTranscript } from "./post-message.js";

/** The conversation list's filters (the console's "Find" tab). */
export type ConversationFilter = "all" | "mine" | "team" | "unassigned" | "waiting" | "vip";

/** One row of the conversation list, or of a visitor's history. */
export interface ConversationRow {
  readonly id: string;
  readonly state: ConversationState;
  readonly visitor: string;
  readonly tier: string;
  readonly team: string | null;
  readonly assignedAgentName: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Queued since (server time) while queued; null otherwise. */
  readonly waitingSince: number | null;
  /** The last visitor message, shortened. */
  readonly lastText: string;
  /** With a search: the matching message, cut around the first word found. */
  readonly hit: { readonly text: string; readonly at: number } | null;
}

const OPEN: readonly ConversationState[] = ["queued", "offered", "assigned", "async"];
const SHOWN = 50;

/**
 * Whether an agent may read a conversation (its transcript, in history and search): whoever may
 * view it (`mayView`), the agent who held it, and the agents of the team it was routed to.
 */
export async function mayRead(engine: Engine, agent: AgentProfile, c: Conversation): Promise<boolean> {
  if (agent.role === "admin" || c.assignedAgentId === agent.id) return true;
  if (await mayView(engine, agent, c.id)) return true;
  const team = await inboxTeamOf(engine, c.id);
  if (team !== null) return agent.teams.includes(team);
  // No team: readable when the visitor left a message there, which every agent may answer.
  return (await engine.deps.store.listInbox({ conversationId: c.id })).length > 0;
}

/** A search hit's text around the first word found (about 120 characters). */
export function snippetOf(text: string, query: string): string {
  const lower = text.toLowerCase();
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const at = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), Number.POSITIVE_INFINITY);
  if (!Number.isFinite(at) || text.length <= 120) return text.slice(0, 120);
  const start = Math.max(0, at - 40);
  return `${start > 0 ? "…" : ""}${text.slice(start, start + 120)}${start + 120 < text.length ? "…" : ""}`;
}

async function rowOf(engine: Engine, c: Conversation, hit: ConversationRow["hit"]): Promise<ConversationRow> {
  const { store } = engine.deps;
  const [customer, fields, messages, roster, team] = await Promise.all([
    c.customerId === null ? null : store.getCustomer(c.customerId),
    store.listFields(c.id),
    store.listMessages(c.id),
    engine.profiles(),
    inboxTeamOf(engine, c.id),
  ]);
  const queued = (await routingRequestOf(engine, c))?.request;
  return {
    id: c.id,
    state: c.state,
    visitor: visitorLabel({ visitorId: c.visitorId, customer, fields }).name,
    tier: customer?.tier ?? "standard",
    team: queued?.team ?? team,
    assignedAgentName: c.assignedAgentId === null ? null : (roster.get(c.assignedAgentId)?.name ?? c.assignedAgentId),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    waitingSince: c.state === "queued" ? (queued?.arrivedAt ?? c.updatedAt) : null,
    lastText: (messages.filter((m) => m.author === "visitor").at(-1)?.text ?? "").slice(0, 140),
    hit,
  };
}

/**
 * The conversations an agent asks for: a filter (mine, their teams', unassigned, waiting longest
 * first, VIP) and, with `q`, only those whose transcript has every word (full-text), best first.
 * Only conversations the agent may read are listed.
 */
export async function listConversationsFor(engine: Engine, agent: AgentProfile, query: { readonly filter: ConversationFilter; readonly q?: string | undefined }): Promise<ConversationRow[]> {
  const { store, desk } = engine.deps;
  const q = query.q?.trim() ?? "";
  const hits = new Map<string, ConversationRow["hit"]>();
  let candidates: Conversation[];
  if (q !== "") {
    for (const h of await desk.searchMessages(q, 500)) if (!hits.has(h.conversationId)) hits.set(h.conversationId, { text: snippetOf(h.text, q), at: h.at });
    candidates = (await Promise.all([...hits.keys()].map((id) => store.getConversation(id)))).filter((c): c is Conversation => c !== null);
  } else if (query.filter === "mine") {
    candidates = await store.listConversations({ agentId: agent.id, states: OPEN });
  } else if (query.filter === "unassigned" || query.filter === "waiting") {
    candidates = await store.listConversations({ states: ["queued"] });
  } else {
    candidates = await store.listConversations({ states: OPEN, limit: 1000 });
  }
  const rows: ConversationRow[] = [];
  for (const c of candidates) {
    if (rows.length >= SHOWN) break;
    if (!(await keep(engine, agent, c, query.filter))) continue;
    rows.push(await rowOf(engine, c, hits.get(c.id) ?? null));
  }
  if (query.filter === "waiting") rows.sort((a, b) => (a.waitingSince ?? 0) - (b.waitingSince ?? 0));
  else if (q === "") rows.sort((a, b) => b.updatedAt - a.updatedAt);
  return rows;
}

async function keep(engine: Engine, agent: AgentProfile, c: Conversation, filter: ConversationFilter): Promise<boolean> {
  if (!(await mayRead(engine, agent, c))) return false;
  switch (filter) {
    case "all":
      return true;
    case "mine":
      return c.assignedAgentId === agent.id && OPEN.includes(c.state);
    case "team": {
      const team = (await routingRequestOf(engine, c))?.request.team ?? (await inboxTeamOf(engine, c.id));
      return OPEN.includes(c.state) && team !== null && (agent.role === "admin" || agent.teams.includes(team));
    }
    case "unassigned":
    case "waiting": {
      if (c.state !== "queued") return false;
      const routed = await routingRequestOf(engine, c);
      return routed === null || inQueueOf(agent, routed.request, routed.appliedSteps);
    }
    case "vip": {
      const customer = c.customerId === null ? null : await engine.deps.store.getCustomer(c.customerId);
      return customer?.tier === "vip" || customer?.tier === "enterprise";
    }
  }
}

/** Earlier conversations of this conversation's visitor, or of its verified customer, newest first. */
export async function historyFor(engine: Engine, agent: AgentProfile, conversationId: string): Promise<ConversationRow[]> {
  const c = await engine.conversation(conversationId);
  if (!(await mayRead(engine, agent, c))) throw new DomainError("forbidden", "you may not read this conversation");
  const rows: ConversationRow[] = [];
  for (const p of await pastOf(engine, c)) if (await mayRead(engine, agent, p)) rows.push(await rowOf(engine, p, null));
  return rows;
}

async function pastOf(engine: Engine, c: Conversation): Promise<Conversation[]> {
  const { store } = engine.deps;
  const [byVisitor, byCustomer] = await Promise.all([
    store.listConversations({ visitorId: c.visitorId, limit: 200 }),
    c.customerId === null ? [] : store.listConversations({ customerId: c.customerId, limit: 200 }),
  ]);
  const seen = new Map([...byVisitor, ...byCustomer].filter((p) => p.id !== c.id && p.createdAt <= c.createdAt).map((p) => [p.id, p]));
  return [...seen.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, 20);
}

/** A conversation's transcript (read-only), for an agent who may read it. */
export async function readConversation(engine: Engine, agent: AgentProfile, conversationId: string): Promise<{ conversation: ConversationRow; messages: PresentedMessage[] }> {
  const c = await engine.conversation(conversationId);
  if (!(await mayRead(engine, agent, c))) throw new DomainError("forbidden", "you may not read this conversation");
  return { conversation: await rowOf(engine, c, null), messages: await presentTranscript(engine, await engine.deps.store.listMessages(c.id)) };
}

/** Who the visitor is, for the context panel: name or friendly label, city, device, past chats. */
export async function visitorInfoOf(engine: Engine, c: Conversation): Promise<VisitorInfo> {
  const { store, desk } = engine.deps;
  const [customer, fields, device, past] = await Promise.all([
    c.customerId === null ? null : store.getCustomer(c.customerId),
    store.listFields(c.id),
    desk.getVisitorDevice(c.visitorId),
    pastOf(engine, c),
  ]);
  const label = visitorLabel({ visitorId: c.visitorId, customer, fields });
  return {
    label: label.name,
    labelSource: label.source,
    city: cityOfTimeZone(c.visitorTimeZone),
    timeZone: c.visitorTimeZone,
    browser: device?.browser ?? null,
    os: device?.os ?? null,
    device: device?.device ?? null,
    pastChats: past.length,
  };
}
