import {
  abandonConversation,
  addNote,
  answerOffer,
  type BotHandoffInput,
  type BotTurnInput,
  checkInboxScope,
  chooseWait,
  defaultAuthorName,
  type Engine,
  emailTranscript,
  inboxFor,
  leaveAsyncMessage,
  loadContext,
  markRead,
  readMarksOf,
  openConversation,
  postBotTurn,
  presentForVisitor,
  presentMessage,
  presentTranscript,
  previewTranslation,
  publishAgentLoad,
  queueFor,
  receiveVisitorMessage,
  replyInbox,
  requestBotHandoff,
  resolveByBot,
  resolveConversation,
  sendAgentMessage,
  setAgentCap,
  setAgentPresence,
  startVisitorSession,
  submitCsat,
  takeConversation,
  transferConversation,
  translationView,
  visitorStatus,
} from "../app/index.js";
import { DomainError } from "../core/errors.js";
import type { AgentProfile, Presence } from "../core/model.js";
import { checkInboxItem } from "./inbox-guard.js";

type Page = { url: string; title: string };
type VisitorSessionArgs = Parameters<typeof startVisitorSession>[1];

/** What a command needs beyond the engine: per-node pieces the leader holds for the whole cluster. */
export interface CommandContext {
  readonly engine: Engine;
  /** Whether a visitor conversation still has a widget connected (anywhere in the cluster). */
  readonly visitorConnected: (conversationId: string) => Promise<boolean>;
}

async function profileOf(engine: Engine, agentId: string): Promise<AgentProfile> {
  const a = await engine.deps.agents.getAgent(agentId);
  if (a === null) throw new DomainError("agent_not_found", "this agent no longer exists");
  return a.profile;
}

/**
 * Every command that reads or changes the router, by name, with plain-data arguments and a
 * plain-data result (the frame's ack, the HTTP body). On one node a gateway calls them directly;
 * in a cluster a follower sends the name and arguments to the router leader over the command
 * stream and gets the result back (src/server/cluster-node.ts). Each keeps the lane its use case
 * always had: the serial lane for router commands, the conversation's own lane for store-only work.
 */
export function commandTable(ctx: CommandContext) {
  const { engine } = ctx;
  return {
    "agent:presence": (a: { agentId: string; presence: Presence }) =>
      engine.command(async () => {
        engine.returning.delete(a.agentId);
        await setAgentPresence(engine, a.agentId, a.presence);
        return { presence: a.presence };
      }),
    "agent:cap": (a: { agentId: string; cap: number }) =>
      engine.command(async () => {
        await setAgentCap(engine, a.agentId, a.cap);
        return { cap: a.cap };
      }),
    "agent:offer": (a: { agentId: string; conversationId: string; accept: boolean }) =>
      engine.command(async () => {
        await answerOffer(engine, a.agentId, a.conversationId, a.accept);
        return {};
      }),
    "agent:message": async (a: {
      agentId: string;
      agentName: string;
      conversationId: string;
      clientMessageId: string;
      text: string;
      translation?: { text: string; edited: boolean } | undefined;
    }) => {
      const { message, duplicate } = await engine.inConversation(a.conversationId, () =>
        sendAgentMessage(engine, { agentId: a.agentId, conversationId: a.conversationId, clientMessageId: a.clientMessageId, text: a.text, translation: a.translation }),
      );
      return { message: presentMessage(message, a.agentName), duplicate };
    },
    "agent:translate-preview": (a: { agentId: string; conversationId: string; text: string }) => previewTranslation(engine, a.agentId, a.conversationId, a.text),
    "agent:note": async (a: { agentId: string; conversationId: string; text: string }) =>
      addNote(engine, await profileOf(engine, a.agentId), { conversationId: a.conversationId, text: a.text }),
    "agent:transfer": (a: { agentId: string; conversationId: string; to: { agentId: string } | { team: string }; note: string }) =>
      engine.command(async () => {
        const h = await transferConversation(engine, { fromAgentId: a.agentId, conversationId: a.conversationId, to: a.to, note: a.note });
        return { handoffId: h.id };
      }),
    "agent:take": (a: { agentId: string; conversationId: string; by: "agent" | "admin" }) =>
      engine.command(async () => {
        await takeConversation(engine, { conversationId: a.conversationId, agentId: a.agentId, by: a.by });
        return { conversationId: a.conversationId, agentId: a.agentId };
      }),
    "agent:resolve": (a: { agentId: string; conversationId: string }) =>
      engine.command(async () => {
        await resolveConversation(engine, a.agentId, a.conversationId);
        return {};
      }),
    "agent:open": async (a: { agentId: string; conversationId: string }) => openConversation(engine, await profileOf(engine, a.agentId), a.conversationId),
    "agent:inbox-reply": async (a: { agentId: string; itemId: string; text: string }) => {
      await checkInboxScope(engine, await profileOf(engine, a.agentId), a.itemId);
      return engine.command(() => replyInbox(engine, a.agentId, a.itemId, a.text));
    },
    "agent:typing": async (a: { agentId: string; conversationId: string; typing: boolean }) => {
      // No database: the router knows who holds the chat.
      if (engine.router.stateOf(a.conversationId) !== "assigned" || engine.router.agentOf(a.conversationId) !== a.agentId) {
        throw new DomainError("not_assigned_to_you", "this conversation is not assigned to you");
      }
      engine.deps.publisher.publish({ kind: "conversation", conversationId: a.conversationId }, "typing", { author: "agent", typing: a.typing });
      return {};
    },
    /**
     * Read marks are store and publish only, so they run in the conversation's own lane (never the
     * serial one); they are commands all the same because who holds the chat, and so who may mark
     * it and who hears the visitor's mark, is the router's to say (the leader's, in a cluster).
     */
    "agent:read": async (a: { agentId: string; conversationId: string; upTo: string }) => {
      if (engine.router.stateOf(a.conversationId) !== "assigned" || engine.router.agentOf(a.conversationId) !== a.agentId) {
        throw new DomainError("not_assigned_to_you", "this conversation is not assigned to you");
      }
      return engine.inConversation(a.conversationId, () => markRead(engine, { conversationId: a.conversationId, reader: "agent", upTo: a.upTo }));
    },
    /**
     * A console (re)connected: after a restart or a failover its agent gets their presence back;
     * then everything the console needs to draw itself, for the gateway to emit to that socket.
     */
    "agent:connected": async (a: { agentId: string }) => {
      if (engine.returning.has(a.agentId)) {
        await engine.command(async () => {
          const presence = engine.returning.get(a.agentId);
          if (presence === undefined) return;
          engine.returning.delete(a.agentId);
          await setAgentPresence(engine, a.agentId, presence);
        });
      }
      const me = await profileOf(engine, a.agentId);
      await publishAgentLoad(engine, a.agentId);
      const chats: { event: "conversation:offered" | "conversation:assigned"; payload: unknown }[] = [];
      for (const id of engine.router.agent(a.agentId)?.active ?? []) {
        const state = engine.router.stateOf(id);
        const route = engine.translation.chatRoute(id, a.agentId);
        const translation = route === null ? null : translationView(engine, route);
        chats.push({
          event: state === "offered" ? "conversation:offered" : "conversation:assigned",
          payload: { context: await loadContext(engine, id), explanation: null, expiresAt: null, translation, read: await readMarksOf(engine, id) },
        });
      }
      return { queue: await queueFor(engine, me), inbox: await inboxFor(engine, me, { status: "open" }), chats };
    },
    /** An agent with no console left (the grace period over): offline, unless they came back. */
    "agent:gone": (a: { agentId: string }) =>
      engine.command(async () => {
        engine.returning.delete(a.agentId);
        if (engine.router.agent(a.agentId)?.presence === "offline") return {};
        await setAgentPresence(engine, a.agentId, "offline");
        return {};
      }),
    "agent:queue": async (a: { agentId: string }) => queueFor(engine, await profileOf(engine, a.agentId)),
    "agent:live": async (a: { agentIds: string[] }) =>
      a.agentIds.map((id) => {
        const live = engine.router.agent(id);
        return { id, presence: live?.presence ?? null, active: live?.active.length ?? null };
      }),
    "visitor:message": (a: { conversationId: string; clientMessageId: string; text: string; page?: Page | undefined; payload?: string | undefined }) =>
      engine.command(async () => {
        const { message, duplicate } = await receiveVisitorMessage(engine, a);
        return { message: presentForVisitor(message, "Visitor"), duplicate };
      }),
    "visitor:wait": (a: { conversationId: string; choice: "wait" | "leave" }) =>
      engine.command(async () => {
        await chooseWait(engine, a.conversationId, a.choice);
        return { choice: a.choice };
      }),
    // Checked in the lane, so two frames at once cannot both claim the conversation's reply address.
    "visitor:async": (a: { conversationId: string; name?: string | undefined; email: string; text: string }) =>
      engine.command(async () => {
        await checkInboxItem(engine, a.conversationId, a.email);
        return leaveAsyncMessage(engine, a.conversationId, { name: a.name, email: a.email, text: a.text });
      }),
    "visitor:bot-resolved": (a: { conversationId: string }) =>
      engine.command(async () => {
        await resolveByBot(engine, a.conversationId);
        return {};
      }),
    "visitor:csat": (a: { conversationId: string; score: number; comment: string | null }) =>
      engine.command(() => submitCsat(engine, a.conversationId, a.score, a.comment)),
    "visitor:history": async (a: { conversationId: string }) => {
      const { store } = engine.deps;
      const c = await engine.conversation(a.conversationId);
      const messages = await presentTranscript(engine, await store.listMessages(a.conversationId));
      return {
        status: await visitorStatus(engine, c),
        messages,
        inbox: await store.listInbox({ conversationId: a.conversationId }),
        read: await readMarksOf(engine, a.conversationId),
      };
    },
    "visitor:transcript-email": (a: { conversationId: string; email: string }) => emailTranscript(engine, a.conversationId, a.email),
    // Typing never touches the database nor the serial lane: the router knows who holds the chat.
    "visitor:typing": async (a: { conversationId: string; typing: boolean }) => {
      const agentId = engine.router.stateOf(a.conversationId) === "assigned" ? engine.router.agentOf(a.conversationId) : null;
      if (agentId !== null) {
        engine.deps.publisher.publish({ kind: "agent", agentId }, "typing", { conversationId: a.conversationId, author: "visitor", typing: a.typing });
      }
      return {};
    },
    "visitor:read": (a: { conversationId: string; upTo: string }) =>
      engine.inConversation(a.conversationId, () => markRead(engine, { conversationId: a.conversationId, reader: "visitor", upTo: a.upTo })),
    /** A visitor gone longer than the abandon period: their chat leaves the queue, unless a widget came back on some node. */
    "visitor:abandon": async (a: { conversationId: string }) => {
      if (await ctx.visitorConnected(a.conversationId)) return { abandoned: false };
      return { abandoned: await engine.command(() => abandonConversation(engine, a.conversationId)) };
    },
    "visitor:session": (a: VisitorSessionArgs) => engine.command(() => startVisitorSession(engine, a)),
    "bot:turn": async (a: BotTurnInput) => presentMessage(await engine.command(() => postBotTurn(engine, a)), defaultAuthorName("bot")),
    "bot:handoff": (a: BotHandoffInput) => engine.command(() => requestBotHandoff(engine, a)),
  };
}

export type CommandTable = ReturnType<typeof commandTable>;
export type CommandName = keyof CommandTable;
export type CommandArgs<N extends CommandName> = Parameters<CommandTable[N]>[0];
export type CommandResult<N extends CommandName> = Awaited<ReturnType<CommandTable[N]>>;

/**
 * Runs router commands: here (one node, or this node leads) or at the cluster's router leader.
 *
 * @example
 * const { presence } = await dispatch.run("agent:presence", { agentId, presence: "online" });
 */
export interface Dispatcher {
  run<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>>;
}

/** One node: every command runs here. */
export function localDispatcher(table: CommandTable): Dispatcher {
  return {
    run: (name, args) => (table[name] as (a: typeof args) => Promise<CommandResult<typeof name>>)(args),
  };
}
