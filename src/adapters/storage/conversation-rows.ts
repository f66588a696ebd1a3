import type { Selectable } from "kysely";
import type { Conversation, ConversationState, Field, Handoff, Message, MessageTranslation } from "../../core/model.js";
import type { ConversationPatch, HandoffPatch } from "../../ports/conversation.store.js";
import type { ConversationTable, FieldTable, HandoffTable, MessageTable } from "./database.js";
import { readJson, readNullableJson, writeJson, writeNullableJson } from "./json-column.js";
import { patchColumns } from "./patch-columns.js";

/** Domain conversation → row. */
export function conversationToRow(c: Conversation): ConversationTable {
  return {
    id: c.id,
    state: c.state,
    visitor_id: c.visitorId,
    customer_id: c.customerId,
    language: c.language,
    page: writeNullableJson(c.page),
    visitor_time_zone: c.visitorTimeZone,
    assigned_agent_id: c.assignedAgentId,
    rule_id: c.ruleId,
    priority: c.priority,
    sla_deadline: c.slaDeadline,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    resolved_at: c.resolvedAt,
    bot: c.bot ?? null,
  };
}

/** Row → domain conversation. */
export function conversationFromRow(r: Selectable<ConversationTable>): Conversation {
  return {
    id: r.id,
    state: r.state as ConversationState,
    visitorId: r.visitor_id,
    customerId: r.customer_id,
    language: r.language,
    page: readNullableJson(r.page),
    visitorTimeZone: r.visitor_time_zone,
    assignedAgentId: r.assigned_agent_id,
    ruleId: r.rule_id,
    priority: r.priority,
    slaDeadline: r.sla_deadline,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    resolvedAt: r.resolved_at,
    ...(r.bot === null ? {} : { bot: r.bot }),
  };
}

/** The columns a conversation patch touches. */
export function conversationPatchToRow(p: ConversationPatch): Partial<ConversationTable> {
  return patchColumns<ConversationPatch, ConversationTable>(p, {
    state: (v) => ["state", v],
    customerId: (v) => ["customer_id", v],
    language: (v) => ["language", v],
    page: (v) => ["page", writeNullableJson(v)],
    visitorTimeZone: (v) => ["visitor_time_zone", v],
    assignedAgentId: (v) => ["assigned_agent_id", v],
    ruleId: (v) => ["rule_id", v],
    priority: (v) => ["priority", v],
    slaDeadline: (v) => ["sla_deadline", v],
    updatedAt: (v) => ["updated_at", v],
    resolvedAt: (v) => ["resolved_at", v],
    bot: (v) => ["bot", v ?? null],
  });
}

/** Domain message → row (the store assigns `seq`). */
export function messageToRow(m: Message): Omit<MessageTable, "seq"> {
  return {
    id: m.id,
    conversation_id: m.conversationId,
    client_message_id: m.clientMessageId,
    author: m.author,
    author_id: m.authorId,
    text: m.text,
    at: m.at,
    nlu: writeNullableJson(m.nlu),
    translation: writeNullableJson(m.translation ?? null),
    extra: m.buttons === undefined && m.payload === undefined ? null : writeJson({ buttons: m.buttons, payload: m.payload }),
  };
}

/** Row → domain message. */
export function messageFromRow(r: Omit<Selectable<MessageTable>, "seq">): Message {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    clientMessageId: r.client_message_id,
    author: r.author as Message["author"],
    authorId: r.author_id,
    text: r.text,
    at: r.at,
    nlu: readNullableJson(r.nlu),
    // Left out when there is none, so untranslated messages read back exactly as written.
    ...(r.translation === null ? {} : { translation: readNullableJson<MessageTranslation>(r.translation) }),
    ...readExtra(r.extra),
  };
}

function readExtra(extra: string | null): Pick<Message, "buttons" | "payload"> {
  const e = readNullableJson<{ buttons?: Message["buttons"]; payload?: string }>(extra);
  if (e === null) return {};
  return { ...(e.buttons === undefined ? {} : { buttons: e.buttons }), ...(e.payload === undefined ? {} : { payload: e.payload }) };
}

/** Domain field → row. */
export function fieldToRow(conversationId: string, f: Field): FieldTable {
  return { conversation_id: conversationId, name: f.name, value: f.value, source: writeJson(f.source), at: f.at };
}

/** Row → domain field. */
export function fieldFromRow(r: Selectable<FieldTable>): Field {
  return { name: r.name, value: r.value, source: readJson(r.source), at: r.at };
}

/** Domain handoff → row. */
export function handoffToRow(h: Handoff): HandoffTable {
  return {
    id: h.id,
    conversation_id: h.conversationId,
    trigger: writeJson(h.trigger),
    rule_id: h.ruleId,
    priority: h.priority,
    sla_deadline: h.slaDeadline,
    estimate: writeNullableJson(h.estimate),
    from_agent_id: h.fromAgentId,
    to_agent_id: h.toAgentId,
    to_team: h.toTeam,
    note: h.note,
    created_at: h.createdAt,
    assigned_at: h.assignedAt,
    first_human_at: h.firstHumanAt,
    async_promised_by: h.asyncPromisedBy,
    unanswered_reassignments: h.unansweredReassignments,
  };
}

/** Row → domain handoff. */
export function handoffFromRow(r: Selectable<HandoffTable>): Handoff {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    trigger: readJson(r.trigger),
    ruleId: r.rule_id,
    priority: r.priority,
    slaDeadline: r.sla_deadline,
    estimate: readNullableJson(r.estimate),
    fromAgentId: r.from_agent_id,
    toAgentId: r.to_agent_id,
    toTeam: r.to_team,
    note: r.note,
    createdAt: r.created_at,
    assignedAt: r.assigned_at,
    firstHumanAt: r.first_human_at,
    asyncPromisedBy: r.async_promised_by,
    unansweredReassignments: Number(r.unanswered_reassignments),
  };
}

/** The columns a handoff patch touches. */
export function handoffPatchToRow(p: HandoffPatch): Partial<HandoffTable> {
  return patchColumns<HandoffPatch, HandoffTable>(p, {
    toAgentId: (v) => ["to_agent_id", v],
    assignedAt: (v) => ["assigned_at", v],
    firstHumanAt: (v) => ["first_human_at", v],
    estimate: (v) => ["estimate", writeNullableJson(v)],
    note: (v) => ["note", v],
    fromAgentId: (v) => ["from_agent_id", v],
    unansweredReassignments: (v) => ["unanswered_reassignments", v],
  });
}
