import type { Chat, ChatLine, Connection, Explanation, HandoffContextV1, InboxItem, MeState, PresentedAttachment, PresentedMessage, PresentedNote, QueueEntry } from "./types.js";
import type { TranslationView } from "./translation.js";
import { visitorName } from "./visitor-name.js";

/** Everything the console draws, changed only through `reduce` (pure, unit-tested). */
export interface ConsoleState {
  readonly connection: Connection;
  readonly me: MeState | null;
  readonly queue: readonly QueueEntry[];
  /** The agent's desk, in arrival order. */
  readonly chats: readonly Chat[];
  readonly selected: string | null;
  /** A queued chat opened read-only from the queue. */
  readonly preview: HandoffContextV1 | null;
  readonly inbox: readonly InboxItem[];
  /** Last thing worth telling the agent ("Chat transferred to Tom"), shown in a live region. */
  readonly notice: string | null;
}

export type ConsoleAction =
  | { readonly kind: "connection"; readonly connection: Connection }
  | { readonly kind: "me"; readonly me: MeState }
  | { readonly kind: "queue"; readonly queue: readonly QueueEntry[] }
  | {
      readonly kind: "chat";
      readonly status: "offered" | "assigned";
      readonly context: HandoffContextV1;
      readonly expiresAt: number | null;
      readonly explanation: Explanation | null;
      readonly translation?: TranslationView | null;
      readonly visitorRead?: string | null;
    }
  | { readonly kind: "translation:status"; readonly healthy: boolean }
  | { readonly kind: "translation:summary"; readonly conversationId: string; readonly summary: string }
  | { readonly kind: "removed"; readonly conversationId: string; readonly reason: string }
  | { readonly kind: "unanswered"; readonly conversationId: string; readonly afterSeconds: number }
  | { readonly kind: "message"; readonly message: PresentedMessage }
  | { readonly kind: "notes"; readonly notes: readonly PresentedNote[] }
  | { readonly kind: "attachments"; readonly conversationId: string; readonly attachments: readonly (PresentedAttachment & { readonly messageId: string })[] }
  | { readonly kind: "typing"; readonly conversationId: string; readonly typing: boolean }
  | { readonly kind: "read"; readonly conversationId: string; readonly upTo: string }
  | { readonly kind: "inbox"; readonly items: readonly InboxItem[] }
  | { readonly kind: "inbox:item"; readonly item: InboxItem }
  | { readonly kind: "select"; readonly conversationId: string | null }
  | { readonly kind: "preview"; readonly context: HandoffContextV1 | null }
  | { readonly kind: "notice"; readonly notice: string | null };

export const initialState: ConsoleState = {
  connection: "connecting",
  me: null,
  queue: [],
  chats: [],
  selected: null,
  preview: null,
  inbox: [],
  notice: null,
};

const REMOVED_REASONS: Readonly<Record<string, string>> = {
  resolved: "resolved",
  transferred: "transferred",
  agent_offline: "returned to the queue (you went offline)",
  agent_away: "returned to the queue (you went away)",
  agent_removed: "returned to the queue",
  declined: "declined",
  offer_timeout: "offer expired",
  unanswered: "passed to a colleague (not answered in time)",
};

function linesOf(context: HandoffContextV1): ChatLine[] {
  return context.transcript.map((t) => ({
    id: t.id,
    author: t.author,
    authorName: t.authorName ?? (t.author === "visitor" ? (context.visitor?.label ?? "Visitor") : t.author === "system" ? "Baton" : t.author === "bot" ? "Baton bot" : "Agent"),
    text: t.text,
    at: t.at,
    ...(t.nlu ? { nlu: t.nlu } : {}),
    ...(t.translation ? { translation: t.translation } : {}),
    ...(t.buttons && t.buttons.length > 0 ? { buttons: t.buttons } : {}),
    ...(t.quickReply ? { quickReply: true as const } : {}),
  }));
}

/** Merges two line lists by id (the later copy wins), in time order; ties keep first-seen order. */
export function mergeLines(a: readonly ChatLine[], b: readonly ChatLine[]): ChatLine[] {
  const byId = new Map<string, ChatLine>();
  for (const l of a) byId.set(l.id, l);
  for (const l of b) byId.set(l.id, { ...byId.get(l.id), ...l });
  return [...byId.values()].map((l, i) => ({ l, i })).sort((x, y) => x.l.at - y.l.at || x.i - y.i).map(({ l }) => l);
}

function withChat(state: ConsoleState, chat: Chat): ConsoleState {
  const exists = state.chats.some((c) => c.id === chat.id);
  const chats = exists ? state.chats.map((c) => (c.id === chat.id ? chat : c)) : [...state.chats, chat];
  const preview = state.preview?.conversation.id === chat.id ? null : state.preview;
  return { ...state, chats, preview, selected: state.selected ?? chat.id };
}

/** The console's state transitions. Idempotent for re-sent state (a reconnect sends everything again). */
export function reduce(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.kind) {
    case "connection":
      return { ...state, connection: action.connection };
    case "me":
      return { ...state, me: action.me };
    case "queue":
      return { ...state, queue: action.queue };
    case "chat": {
      const old = state.chats.find((c) => c.id === action.context.conversation.id);
      const lines = mergeLines(linesOf(action.context), old?.lines ?? []);
      return withChat(state, {
        id: action.context.conversation.id,
        status: action.status,
        context: action.context,
        lines,
        expiresAt: action.expiresAt ?? (action.status === "offered" ? (old?.expiresAt ?? null) : null),
        explanation: action.explanation ?? old?.explanation ?? null,
        unread: old?.unread ?? 0,
        visitorTyping: old?.visitorTyping ?? false,
        visitorRead: action.visitorRead ?? old?.visitorRead ?? null,
        unansweredAfterSeconds: old?.unansweredAfterSeconds ?? null,
        translation: action.translation ?? old?.translation ?? null,
      });
    }
    case "translation:summary": {
      const chat = state.chats.find((c) => c.id === action.conversationId);
      if (chat?.translation == null) return state;
      return withChat(state, { ...chat, translation: { ...chat.translation, summary: action.summary } });
    }
    case "translation:status": {
      const chats = state.chats.map((c) => (c.translation == null ? c : { ...c, translation: { ...c.translation, healthy: action.healthy } }));
      return { ...state, chats };
    }
    case "unanswered": {
      const chat = state.chats.find((c) => c.id === action.conversationId);
      if (chat === undefined) return state;
      const who = visitorName(chat.context);
      return {
        ...withChat(state, { ...chat, unansweredAfterSeconds: action.afterSeconds }),
        notice: `Chat with ${who} not answered for ${action.afterSeconds} s: reply now or it goes to a colleague.`,
      };
    }
    case "removed": {
      const gone = state.chats.find((c) => c.id === action.conversationId);
      if (gone === undefined) return state;
      const chats = state.chats.filter((c) => c.id !== action.conversationId);
      const selected = state.selected === action.conversationId ? (chats[0]?.id ?? null) : state.selected;
      const who = visitorName(gone.context);
      return { ...state, chats, selected, notice: `Chat with ${who} ${REMOVED_REASONS[action.reason] ?? action.reason}.` };
    }
    case "message": {
      const m = action.message;
      const chat = state.chats.find((c) => c.id === m.conversationId);
      if (chat === undefined) return state;
      // The transcript names an identified visitor after their customer record; live messages say "Visitor".
      const authorName = m.author === "visitor" ? (chat.context.visitor?.label ?? chat.context.customer?.name ?? m.authorName) : m.authorName;
      const line: ChatLine = {
        id: m.id,
        author: m.author,
        authorName,
        text: m.text,
        at: m.at,
        ...(m.translation ? { translation: m.translation } : {}),
        ...(m.attachment ? { attachment: m.attachment } : {}),
        ...(m.nlu ? { nlu: m.nlu } : {}),
        ...(m.buttons && m.buttons.length > 0 ? { buttons: m.buttons } : {}),
        ...(m.quickReply ? { quickReply: true as const } : {}),
      };
      const known = chat.lines.find((l) => l.id === m.id);
      const lines = mergeLines(chat.lines, [line]);
      // Unread counts what the visitor said; bot turns and system notices are not waiting for the agent.
      const unread = state.selected === chat.id || known !== undefined || m.author !== "visitor" ? chat.unread : chat.unread + 1;
      const visitorTyping = m.author === "visitor" ? false : chat.visitorTyping;
      const unansweredAfterSeconds = m.author === "agent" ? null : chat.unansweredAfterSeconds;
      return withChat(state, { ...chat, lines, unread, visitorTyping, unansweredAfterSeconds });
    }
    case "notes": {
      // Private notes join the transcript as lines of their own (never sent to the visitor).
      let next = state;
      for (const n of action.notes) {
        const chat = next.chats.find((c) => c.id === n.conversationId);
        if (chat === undefined) continue;
        const line: ChatLine = { id: `note-${n.id}`, author: "note", authorName: n.authorName, text: n.text, at: n.at };
        next = withChat(next, { ...chat, lines: mergeLines(chat.lines, [line]) });
      }
      return next;
    }
    case "attachments": {
      const chat = state.chats.find((c) => c.id === action.conversationId);
      if (chat === undefined) return state;
      const byMessage = new Map(action.attachments.map((a) => [a.messageId, a]));
      const lines = chat.lines.map((l) => {
        const a = byMessage.get(l.id);
        return a === undefined ? l : { ...l, attachment: a };
      });
      return withChat(state, { ...chat, lines });
    }
    case "typing": {
      const chat = state.chats.find((c) => c.id === action.conversationId);
      return chat === undefined ? state : withChat(state, { ...chat, visitorTyping: action.typing });
    }
    case "read": {
      const chat = state.chats.find((c) => c.id === action.conversationId);
      return chat === undefined ? state : withChat(state, { ...chat, visitorRead: action.upTo });
    }
    case "inbox":
      return { ...state, inbox: action.items };
    case "inbox:item": {
      const exists = state.inbox.some((i) => i.id === action.item.id);
      return { ...state, inbox: exists ? state.inbox.map((i) => (i.id === action.item.id ? action.item : i)) : [action.item, ...state.inbox] };
    }
    case "select": {
      const chats = state.chats.map((c) => (c.id === action.conversationId ? { ...c, unread: 0 } : c));
      return { ...state, chats, selected: action.conversationId, preview: null };
    }
    case "preview":
      return { ...state, preview: action.context };
    case "notice":
      return { ...state, notice: action.notice };
  }
}
