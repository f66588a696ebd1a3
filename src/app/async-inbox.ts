import { isOpen } from "../core/hours/index.js";
import { DomainError } from "../core/errors.js";
import type { Field } from "../core/model.js";
import type { InboxItem } from "../ports/index.js";
import { renderInboxReplyMail } from "./inbox-reply-mail.js";
import { applyRouterEffects } from "./apply-router-effects.js";
import { inboxTeamOf } from "./conversation-views.js";
import type { Engine } from "./engine.js";
import { postMessage, publishMessage } from "./post-message.js";
import { systemText } from "./system-text.js";
import { replyPhrase, replyPromise, visitorStatus } from "./visitor-status.js";

/**
 * After an async offer: the visitor keeps waiting, or is about to leave a message. Either way
 * they keep their place in the queue until the message is actually left (`leaveAsyncMessage`),
 * so closing the form loses nothing.
 */
export async function chooseWait(engine: Engine, conversationId: string, choice: "wait" | "leave"): Promise<void> {
  const c = await engine.conversation(conversationId);
  if (c.state !== "queued") throw new DomainError("invalid_transition", "the chat is not waiting in the queue");
  if (choice === "wait") {
    await postMessage(engine, { conversationId, author: "system", text: systemText(c.language, "thanksWaiting") });
  }
}

/** The visitor leaves a message for the inbox, with the reply promised by the next business open. */
export async function leaveAsyncMessage(
  engine: Engine,
  conversationId: string,
  input: { name?: string | undefined; email: string; text: string },
): Promise<InboxItem> {
  const { store, publisher } = engine.deps;
  const c = await engine.conversation(conversationId);
  const now = engine.now();
  let reason: InboxItem["reason"] = "visitor_choice";
  const leavesQueue = c.state === "queued" || c.state === "bot";
  if (leavesQueue) {
    // Leaves the router's queue below, once the inbox item that replaces it has committed.
  } else if (c.state === "async") {
    const rule = engine.rule(c.ruleId);
    const team = engine.team(rule?.target.team ?? null);
    reason = rule?.async ? "rule" : team !== null && !isOpen(team.calendar, now) ? "after_hours" : "no_agent";
  } else {
    throw new DomainError("invalid_transition", `a message cannot be left while the chat is ${c.state}`);
  }
  const promise = replyPromise(engine, c, now);
  const item: InboxItem = {
    id: engine.deps.newId(),
    conversationId,
    name: input.name?.trim() || null,
    email: input.email,
    text: input.text,
    promisedBy: promise.promisedBy,
    reason,
    status: "open",
    reply: null,
    repliedBy: null,
    repliedAt: null,
    createdAt: now,
  };
  // The name and address the visitor just gave name the chat for the agents (as what the visitor
  // said, unverified), unless the chat already knows them.
  const known = new Set((await store.listFields(conversationId)).map((f) => f.name));
  const told: Field[] = [
    ...(item.name !== null && !known.has("name") ? [{ name: "name", value: item.name, source: { kind: "unverified" as const }, at: now }] : []),
    ...(!known.has("email") ? [{ name: "email", value: item.email, source: { kind: "unverified" as const }, at: now }] : []),
  ];
  const updated = await store.transaction(async (tx) => {
    await tx.createInboxItem(item);
    for (const f of told) await tx.upsertField(conversationId, f);
    return c.state === "async" ? c : await tx.updateConversation(conversationId, { state: "async", updatedAt: now });
  });
  if (leavesQueue) await applyRouterEffects(engine, engine.router.apply({ kind: "release", conversationId }, now));
  await postMessage(engine, {
    conversationId,
    author: "system",
    text: systemText(c.language, "messageLeft", { email: input.email, when: replyPhrase(promise, now, c.language) }),
  });
  publisher.publish({ kind: "conversation", conversationId }, "status", await visitorStatus(engine, updated));
  publisher.publish({ kind: "admins" }, "inbox:new", item);
  // Only the team the chat was routed to sees it (every team when it has none).
  const team = await inboxTeamOf(engine, conversationId);
  for (const t of engine.config.teams) if (team === null || t.id === team) publisher.publish({ kind: "team", team: t.id }, "inbox:new", item);
  return item;
}

/** An agent answers an inbox item: the reply is e-mailed and shown in the widget when the visitor returns. */
export async function replyInbox(engine: Engine, agentId: string, itemId: string, text: string): Promise<InboxItem> {
  const { store, agents, mailer, publisher } = engine.deps;
  const item = (await store.listInbox({})).find((i) => i.id === itemId);
  if (item === undefined) throw new DomainError("not_found", `no inbox item ${itemId}`);
  if (item.status === "replied") throw new DomainError("conflict", "this message has already been answered");
  const agent = await agents.getAgent(agentId);
  const now = engine.now();
  const mail = renderInboxReplyMail({
    visitorName: item.name,
    question: item.text,
    reply: text,
    agentName: agent?.profile.name ?? "Support",
    siteName: "Baton",
  });
  await mailer.send({ to: item.email, ...mail });
  const updated = await store.updateInboxItem(itemId, { status: "replied", reply: text, repliedBy: agentId, repliedAt: now });
  const m = await store.appendMessage({
    id: engine.deps.newId(),
    conversationId: item.conversationId,
    clientMessageId: `inbox-reply:${itemId}`,
    author: "agent",
    authorId: agentId,
    text,
    at: now,
    nlu: null,
  });
  const handoff = (await store.listHandoffs(item.conversationId)).at(-1);
  if (handoff !== undefined && handoff.firstHumanAt === null) await store.updateHandoff(handoff.id, { firstHumanAt: now, toAgentId: agentId });
  publisher.publish({ kind: "conversation", conversationId: item.conversationId }, "inbox:reply", { itemId, text, at: now });
  publishMessage(engine, m.message, agent?.profile.name ?? "Agent", null);
  return updated;
}
