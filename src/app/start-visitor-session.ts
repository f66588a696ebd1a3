import { botForSite } from "../core/config/index.js";
import type { Conversation, Customer, Message } from "../core/model.js";
import type { InboxItem } from "../ports/index.js";
import type { Engine } from "./engine.js";
import type { VisitorStatus } from "./events.js";
import { visitorStatus } from "./visitor-status.js";

export interface VisitorSessionInput {
  readonly visitorId?: string | undefined;
  /** The conversation named by a still-valid session token. */
  readonly conversationId?: string | undefined;
  readonly page?: { url: string; title: string } | undefined;
  readonly locale?: string | undefined;
  readonly timeZone?: string | undefined;
  /** A verified identity only (a signed token or HMAC checked at the gateway): selects the customer record. */
  readonly email?: string | undefined;
  readonly customerId?: string | undefined;
  /** An e-mail the page gave without proof: shown to the agent as unverified, selects nothing. */
  readonly claimedEmail?: string | undefined;
  /** The widget's key (`data-site`): picks the bot in charge of a new conversation (`bots.sites`). */
  readonly site?: string | undefined;
}

export interface VisitorSession {
  readonly visitorId: string;
  readonly conversation: Conversation;
  readonly messages: Message[];
  readonly status: VisitorStatus;
  readonly inbox: InboxItem[];
}

const SUPPORTED = new Set(["en", "es", "fr", "de", "pt"]);

/**
 * Opens the widget: resumes the visitor's open conversation, or starts one with the bot. A
 * conversation attached to a verified customer is never resumed for a different verified customer.
 */
export async function startVisitorSession(engine: Engine, input: VisitorSessionInput): Promise<VisitorSession> {
  const { store, newId } = engine.deps;
  const now = engine.now();
  let visitorId = input.visitorId ?? newId();
  let conversation = await resume(engine, visitorId, input.conversationId);
  const customer = await identify(engine, input);
  if (conversation !== null && customer !== null && conversation.customerId !== null && conversation.customerId !== customer.id) {
    // Another customer proved who they are with this browser's resume token (a shared computer, a
    // site that did not sign the previous user out): they get a conversation of their own.
    visitorId = newId();
    conversation = null;
  }
  if (conversation === null) {
    const lang = (input.locale ?? "en").slice(0, 2).toLowerCase();
    conversation = {
      id: newId(),
      state: "bot",
      visitorId,
      customerId: customer?.id ?? null,
      language: SUPPORTED.has(lang) ? lang : "en",
      page: input.page ?? null,
      visitorTimeZone: input.timeZone ?? null,
      assignedAgentId: null,
      ruleId: null,
      priority: 0,
      slaDeadline: null,
      createdAt: now,
      updatedAt: now,
      resolvedAt: null,
      bot: botForSite(engine.config.bots, input.site),
    };
    await store.createConversation(conversation);
  } else if (input.page !== undefined || (customer !== null && conversation.customerId === null)) {
    conversation = await store.updateConversation(conversation.id, {
      page: input.page ?? conversation.page,
      customerId: conversation.customerId ?? customer?.id ?? null,
      updatedAt: now,
    });
  }
  if (input.claimedEmail !== undefined && conversation.customerId === null) {
    await store.upsertField(conversation.id, { name: "email", value: input.claimedEmail, source: { kind: "unverified" }, at: now });
  }
  return {
    visitorId,
    conversation,
    messages: await store.listMessages(conversation.id),
    status: await visitorStatus(engine, conversation),
    inbox: await store.listInbox({ conversationId: conversation.id }),
  };
}

async function resume(engine: Engine, visitorId: string, conversationId: string | undefined): Promise<Conversation | null> {
  const { store } = engine.deps;
  if (conversationId !== undefined) {
    const c = await store.getConversation(conversationId);
    if (c !== null && c.visitorId === visitorId) return c;
  }
  const open = await store.listConversations({ visitorId, limit: 20 });
  return open.filter((c) => c.state !== "resolved").sort((a, b) => b.updatedAt - a.updatedAt)[0] ?? null;
}

/** Looks the visitor up in the contacts or the CRM; a CRM record is kept as a contact. */
async function identify(engine: Engine, input: VisitorSessionInput): Promise<Customer | null> {
  if (input.email === undefined && input.customerId === undefined) return null;
  const query = { ...(input.email === undefined ? {} : { email: input.email }), ...(input.customerId === undefined ? {} : { customerId: input.customerId }) };
  const customer = await engine.deps.crm.lookup(query);
  if (customer !== null && (await engine.deps.store.getCustomer(customer.id)) === null) {
    await engine.deps.store.upsertCustomer(customer);
  }
  return customer;
}
