import type { Namespace } from "socket.io";
import {
  addNote,
  answerOffer,
  checkInboxScope,
  type Engine,
  inboxFor,
  loadContext,
  openConversation,
  publishAgentLoad,
  queueFor,
  replyInbox,
  resolveConversation,
  previewTranslation,
  sendAgentMessage,
  translationView,
  setAgentCap,
  setAgentPresence,
  takeConversation,
  transferConversation,
  presentMessage,
} from "../app/index.js";
import { DomainError } from "../core/errors.js";
import type { AgentProfile } from "../core/model.js";
import type { SessionTokens } from "./auth.js";
import type { RateLimits } from "./rate-limits.js";
import { type FrameGuard, frames } from "./gateway.js";
import { AgentFrames } from "./protocol.js";
import { room } from "./socket.publisher.js";

export interface AgentGatewayOptions {
  /** How long an agent may be disconnected before they are set offline. */
  readonly offlineGraceMs: number;
  /** Frame limits per socket (null: none). */
  readonly limits?: RateLimits | null;
}

/** The console's real-time channel. Agents join their own room, their teams' rooms and, for admins, the admins room. */
export function agentGateway(nsp: Namespace, engine: Engine, tokens: SessionTokens, options: AgentGatewayOptions): { connected(id: string): boolean; close(): void } {
  const log = engine.deps.log;
  const sockets = new Map<string, number>();
  const graceTimers = new Map<string, NodeJS.Timeout>();

  nsp.use(async (socket, next) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      if (typeof token !== "string") throw new DomainError("unauthenticated", "sign in first");
      const claims = await tokens.verify(token, engine.now(), "agent");
      socket.data.jti = claims.jti;
      const stored = await engine.deps.agents.getAgent(claims.agentId);
      if (stored === null) throw new DomainError("unauthenticated", "this agent no longer exists");
      socket.data.agentId = claims.agentId;
      socket.data.profile = stored.profile;
      next();
    } catch (err) {
      next(err as Error);
    }
  });

  // After a restart: whoever does not reconnect within the grace period goes offline (their chats are requeued).
  const returningTimer =
    engine.returning.size === 0
      ? null
      : setTimeout(() => {
          void engine
            .command(async () => {
              for (const agentId of [...engine.returning.keys()]) {
                if ((sockets.get(agentId) ?? 0) > 0) continue;
                engine.returning.delete(agentId);
                await setAgentPresence(engine, agentId, "offline");
              }
            })
            .catch((err: unknown) => log.error({ err }, "could not set agents who did not come back offline"));
        }, options.offlineGraceMs).unref();

  nsp.on("connection", (socket) => {
    const agentId = socket.data.agentId as string;
    const me = socket.data.profile as AgentProfile;
    const limits = options.limits ?? null;
    const guard: FrameGuard | undefined =
      limits === null ? undefined : { check: (event) => limits.agentFrame(socket.id, event), disconnectAfterRefused: limits.disconnectAfterRefused };
    const on = frames(socket, log, guard);
    const profile = async (): Promise<AgentProfile> => {
      const a = await engine.deps.agents.getAgent(agentId);
      if (a === null) throw new DomainError("agent_not_found", "this agent no longer exists");
      return a.profile;
    };
    sockets.set(agentId, (sockets.get(agentId) ?? 0) + 1);
    clearTimeout(graceTimers.get(agentId));
    graceTimers.delete(agentId);
    void socket.join([room.agent(agentId), ...me.teams.map(room.team), ...(me.role === "admin" ? [room.admins] : [])]);

    on("presence:set", AgentFrames["presence:set"], (f) =>
      engine.command(async () => {
        engine.returning.delete(agentId);
        await setAgentPresence(engine, agentId, f.presence);
        return { presence: f.presence };
      })
    );
    on("cap:set", AgentFrames["cap:set"], (f) =>
      engine.command(async () => {
        await setAgentCap(engine, agentId, f.cap);
        return { cap: f.cap };
      })
    );
    on("offer:accept", AgentFrames["offer:accept"], (f) =>
      engine.command(async () => {
        await answerOffer(engine, agentId, f.conversationId, true);
        return {};
      })
    );
    on("offer:decline", AgentFrames["offer:decline"], (f) =>
      engine.command(async () => {
        await answerOffer(engine, agentId, f.conversationId, false);
        return {};
      })
    );
    // Store-only: the conversation's own lane, so a flood elsewhere in the serial lane does not delay it.
    on("message:send", AgentFrames["message:send"], async (f) => {
      const { message, duplicate } = await engine.inConversation(f.conversationId, () => sendAgentMessage(engine, { agentId, ...f }));
      return { message: presentMessage(message, me.name), duplicate };
    });
    on("translate:preview", AgentFrames["translate:preview"], (f) => previewTranslation(engine, agentId, f.conversationId, f.text));
    on("transfer", AgentFrames.transfer, (f) =>
      engine.command(async () => {
        const h = await transferConversation(engine, { fromAgentId: agentId, ...f });
        return { handoffId: h.id };
      })
    );
    on("queue:take", AgentFrames["queue:take"], (f) =>
      engine.command(async () => {
        await takeConversation(engine, { conversationId: f.conversationId, agentId, by: "agent" });
        return {};
      }),
    );
    on("resolve", AgentFrames.resolve, (f) =>
      engine.command(async () => {
        await resolveConversation(engine, agentId, f.conversationId);
        return {};
      })
    );
    on("conversation:open", AgentFrames["conversation:open"], async (f) =>
      openConversation(engine, await profile(), f.conversationId)
    );
    on("inbox:reply", AgentFrames["inbox:reply"], async (f) => {
      await checkInboxScope(engine, await profile(), f.itemId);
      return engine.command(() => replyInbox(engine, agentId, f.itemId, f.text));
    });
    on("note:add", AgentFrames["note:add"], async (f) => addNote(engine, await profile(), f));
    on("typing", AgentFrames.typing, async (f) => {
      // No database: the router knows who holds the chat.
      if (engine.router.stateOf(f.conversationId) !== "assigned" || engine.router.agentOf(f.conversationId) !== agentId) {
        throw new DomainError("not_assigned_to_you", "this conversation is not assigned to you");
      }
      engine.deps.publisher.publish({ kind: "conversation", conversationId: f.conversationId }, "typing", { author: "agent", typing: f.typing });
      return {};
    });

    socket.on("disconnect", () => {
      const left = (sockets.get(agentId) ?? 1) - 1;
      sockets.set(agentId, left);
      if (left > 0) return;
      graceTimers.set(
        agentId,
        setTimeout(() => {
          graceTimers.delete(agentId);
          if ((sockets.get(agentId) ?? 0) > 0) return;
          void engine
            .command(async () => {
              if (engine.router.agent(agentId)?.presence === "offline") return;
              await setAgentPresence(engine, agentId, "offline");
            })
            .catch((err: unknown) => log.error({ err, agentId }, "could not set a disconnected agent offline"));
        }, options.offlineGraceMs).unref(),
      );
    });

    // Everything the console needs to draw itself, on every (re)connection; after a restart the
    // agent's presence comes back with their console.
    void comeBack().then(sendState);
    async function comeBack(): Promise<void> {
      if (!engine.returning.has(agentId)) return;
      await engine
        .command(async () => {
          const presence = engine.returning.get(agentId);
          if (presence === undefined) return;
          engine.returning.delete(agentId);
          await setAgentPresence(engine, agentId, presence);
        })
        .catch((err: unknown) => log.error({ err, agentId }, "could not give a returning agent their presence back"));
    }
    async function sendState(): Promise<void> {
    try {
      await publishAgentLoad(engine, agentId);
      socket.emit("queue", await queueFor(engine, me));
      socket.emit("inbox", await inboxFor(engine, me, { status: "open" }));
      for (const id of engine.router.agent(agentId)?.active ?? []) {
        const state = engine.router.stateOf(id);
        const context = await loadContext(engine, id);
        const route = engine.translation.chatRoute(id, agentId);
        const translation = route === null ? null : translationView(engine, route);
        socket.emit(state === "offered" ? "conversation:offered" : "conversation:assigned", { context, explanation: null, expiresAt: null, translation });
      }
    } catch (err) {
      log.error({ err, agentId }, "could not send the console its state");
    }
    }
  });

  return {
    connected: (id) => (sockets.get(id) ?? 0) > 0,
    close: () => {
      if (returningTimer !== null) clearTimeout(returningTimer);
      for (const t of graceTimers.values()) clearTimeout(t);
    },
  };
}
