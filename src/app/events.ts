import type { MessageTranslation, Topic } from "../core/model.js";

/** Payloads the app publishes to widgets and consoles (see the event list in src/server/protocol.ts). */

export interface PresentedMessage {
  id: string;
  conversationId: string;
  clientMessageId: string | null;
  author: "visitor" | "bot" | "agent" | "system";
  /** Display name: "Maria (Billing)", "Baton bot", the visitor's name or "Visitor". */
  authorName: string;
  text: string;
  at: number;
  /** To agents, in a chat served through machine translation: the other side's text beside `text`. */
  translation?: MessageTranslation;
  /** To visitors: `text` is a machine translation of the agent's `original`. */
  translated?: { from: string; to: string; via: string | null; original: string };
  /** An external bot's quick replies (the text is the fallback where buttons are not drawn). */
  buttons?: { title: string; payload: string }[];
  /** To agents only: what the NLU read in a visitor message, or the intent and confidence an external bot reported on its turn. */
  nlu?: { intent: string; topic: Topic; confidence: number; sentiment: number };
  /** To agents only: the visitor sent this by clicking one of the bot's quick replies (the text is its title; the payload stays with the bot). */
  quickReply?: true;
  /** A file sent with the message (issue 17): image thumbnails inline, anything else a download. */
  attachment?: PresentedAttachment;
}

/** A file in a chat as widgets and consoles see it. `url` is relative to Baton's origin. */
export interface PresentedAttachment {
  id: string;
  name: string;
  type: string;
  size: number;
  url: string;
  /** An image shown as a thumbnail; false: offered as a download only. */
  inline: boolean;
}

export interface VisitorStatus {
  conversationId: string;
  state: "bot" | "queued" | "offered" | "assigned" | "async" | "resolved";
  agent: { name: string; team: string | null } | null;
  /** While queued: the bucket shown ("under 2 minutes") and the queue position (1-based). */
  wait: { bucket: string; seconds: number; position: number } | null;
  /** The async path: offered (visitor chooses) or forced (nobody in / after hours). */
  async: { mode: "offer" | "forced"; promisedBy: number; promisedText: string } | null;
}

export interface QueueEntry {
  conversationId: string;
  /** Team the chat is routed to; null when any team's agents may take it. */
  team: string | null;
  /** A transfer to a named colleague: only they (and admins) see it. */
  targetAgentId: string | null;
  priority: number;
  slaDeadline: number;
  ruleId: string;
  ruleName: string;
  language: string;
  summary: string;
  customerName: string | null;
  /** How the console names the visitor: the customer, a given name or e-mail, else a stable friendly label. */
  visitorLabel: string;
  tier: "standard" | "vip" | "enterprise";
  waitingSince: number;
}
