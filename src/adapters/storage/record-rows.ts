import type { Selectable } from "kysely";
import type { AgentProfile, Customer, Presence } from "../../core/model.js";
import type { StoredAgent } from "../../ports/agent.directory.js";
import type { BotDeadLetter, CsatRecord, InboxItem, InboxPatch } from "../../ports/conversation.store.js";
import type { AgentTable, BotDeadLetterTable, CsatTable, CustomerTable, InboxItemTable } from "./database.js";
import { readJson, writeJson } from "./json-column.js";
import { patchColumns } from "./patch-columns.js";

/** Domain CSAT → row. */
export function csatToRow(r: CsatRecord): CsatTable {
  return { conversation_id: r.conversationId, score: r.score, comment: r.comment, segment: r.segment, at: r.at };
}

/** Row → domain CSAT. */
export function csatFromRow(r: Selectable<CsatTable>): CsatRecord {
  return {
    conversationId: r.conversation_id,
    score: r.score,
    comment: r.comment,
    segment: r.segment as CsatRecord["segment"],
    at: r.at,
  };
}

/** Domain inbox item → row. */
export function inboxToRow(i: InboxItem): InboxItemTable {
  return {
    id: i.id,
    conversation_id: i.conversationId,
    name: i.name,
    email: i.email,
    text: i.text,
    promised_by: i.promisedBy,
    reason: i.reason,
    status: i.status,
    reply: i.reply,
    replied_by: i.repliedBy,
    replied_at: i.repliedAt,
    created_at: i.createdAt,
  };
}

/** Row → domain inbox item. */
export function inboxFromRow(r: Selectable<InboxItemTable>): InboxItem {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    name: r.name,
    email: r.email,
    text: r.text,
    promisedBy: r.promised_by,
    reason: r.reason as InboxItem["reason"],
    status: r.status as InboxItem["status"],
    reply: r.reply,
    repliedBy: r.replied_by,
    repliedAt: r.replied_at,
    createdAt: r.created_at,
  };
}

/** The columns an inbox patch touches. */
export function inboxPatchToRow(p: InboxPatch): Partial<InboxItemTable> {
  return patchColumns<InboxPatch, InboxItemTable>(p, {
    text: (v) => ["text", v],
    status: (v) => ["status", v],
    reply: (v) => ["reply", v],
    repliedBy: (v) => ["replied_by", v],
    repliedAt: (v) => ["replied_at", v],
  });
}

/** Domain customer → row. */
export function customerToRow(c: Customer): CustomerTable {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    plan: c.plan,
    tier: c.tier,
    open_tickets: c.openTickets,
    lifetime_value: c.lifetimeValue,
    csm_agent_id: c.csmAgentId,
    time_zone: c.timeZone,
  };
}

/** Row → domain customer. */
export function customerFromRow(r: Selectable<CustomerTable>): Customer {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    plan: r.plan,
    tier: r.tier as Customer["tier"],
    openTickets: r.open_tickets,
    lifetimeValue: r.lifetime_value,
    csmAgentId: r.csm_agent_id,
    timeZone: r.time_zone,
  };
}

/** Agent profile → the columns an upsert writes (presence and password are handled apart). */
export function agentProfileToRow(p: AgentProfile): Pick<AgentTable, "id" | "email" | "profile" | "cap"> {
  const { cap, ...rest } = p;
  return { id: p.id, email: p.email, profile: writeJson(rest), cap };
}

/** Row → stored agent; the `cap` column is the truth for the profile's cap. */
export function agentFromRow(r: Selectable<AgentTable>): StoredAgent {
  const rest = readJson<Omit<AgentProfile, "cap">>(r.profile);
  return {
    profile: { ...rest, id: r.id, email: r.email, cap: r.cap },
    presence: r.presence as Presence,
    passwordHash: r.password_hash,
  };
}

/** Domain dead letter → row. */
export function botDeadLetterToRow(d: BotDeadLetter): BotDeadLetterTable {
  return {
    id: d.id,
    bot_id: d.botId,
    conversation_id: d.conversationId,
    message_id: d.messageId,
    payload: writeJson(d.payload),
    error: d.error,
    attempts: d.attempts,
    created_at: d.createdAt,
  };
}

/** Row → domain dead letter. */
export function botDeadLetterFromRow(r: Selectable<BotDeadLetterTable>): BotDeadLetter {
  return {
    id: r.id,
    botId: r.bot_id,
    conversationId: r.conversation_id,
    messageId: r.message_id,
    payload: readJson(r.payload),
    error: r.error,
    attempts: r.attempts,
    createdAt: r.created_at,
  };
}
