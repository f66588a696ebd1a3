import type { Namespace } from "socket.io";
import type { Engine } from "../app/index.js";
import { DomainError } from "../core/errors.js";
import type { AgentProfile } from "../core/model.js";
import type { PresenceRegistry } from "../adapters/redis/index.js";
import type { SessionTokens } from "./auth.js";
import type { Dispatcher } from "./commands.js";
import type { RateLimits } from "./rate-limits.js";
import { type FrameGuard, frames } from "./gateway.js";
import { AgentFrames } from "./protocol.js";
import { room } from "./socket.publisher.js";

export interface AgentGatewayOptions {
  /** How long an agent may be disconnected before they are set offline. */
  readonly offlineGraceMs: number;
  /** Frame limits per socket (null: none). */
  readonly limits?: RateLimits | null;
  /** Where router commands run: here, or at the cluster's router leader. */
  readonly dispatch: Dispatcher;
  /**
   * Cluster: consoles are counted in Redis, per node, and the router leader sets offline an agent
   * with no console on any live node for the grace period (see ClusterNode); no timers here then.
   */
  readonly registry?: PresenceRegistry | null;
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
      // Counted cluster-wide before any frame of this socket can reach the leader.
      await registry?.opened("agent", claims.agentId);
      socket.data.counted = registry !== null;
      next();
    } catch (err) {
      next(err as Error);
    }
  });

  // After a restart: whoever does not reconnect within the grace period goes offline (their chats are requeued).
  const registry = options.registry ?? null;
  const { dispatch } = options;
  const returningTimer =
    engine.returning.size === 0 || registry !== null
      ? null
      : setTimeout(() => {
          for (const agentId of [...engine.returning.keys()]) {
            if ((sockets.get(agentId) ?? 0) > 0) continue;
            dispatch.run("agent:gone", { agentId }).catch((err: unknown) => log.error({ err, agentId }, "could not set an agent who did not come back offline"));
          }
        }, options.offlineGraceMs).unref();

  nsp.on("connection", (socket) => {
    const agentId = socket.data.agentId as string;
    const me = socket.data.profile as AgentProfile;
    const limits = options.limits ?? null;
    const guard: FrameGuard | undefined =
      limits === null ? undefined : { check: (event) => limits.agentFrame(socket.id, event), disconnectAfterRefused: limits.disconnectAfterRefused };
    sockets.set(agentId, (sockets.get(agentId) ?? 0) + 1);
    clearTimeout(graceTimers.get(agentId));
    graceTimers.delete(agentId);
    const on = frames(socket, log, guard);
    void socket.join([room.agent(agentId), ...me.teams.map(room.team), ...(me.role === "admin" ? [room.admins] : [])]);

    on("presence:set", AgentFrames["presence:set"], (f) => dispatch.run("agent:presence", { agentId, presence: f.presence }));
    on("cap:set", AgentFrames["cap:set"], (f) => dispatch.run("agent:cap", { agentId, cap: f.cap }));
    on("offer:accept", AgentFrames["offer:accept"], (f) => dispatch.run("agent:offer", { agentId, conversationId: f.conversationId, accept: true }));
    on("offer:decline", AgentFrames["offer:decline"], (f) => dispatch.run("agent:offer", { agentId, conversationId: f.conversationId, accept: false }));
    // Store-only at the leader: the conversation's own lane, so a flood elsewhere in the serial lane does not delay it.
    on("message:send", AgentFrames["message:send"], (f) => dispatch.run("agent:message", { agentId, agentName: me.name, ...f }));
    on("translate:preview", AgentFrames["translate:preview"], (f) => dispatch.run("agent:translate-preview", { agentId, conversationId: f.conversationId, text: f.text }));
    on("transfer", AgentFrames.transfer, (f) => dispatch.run("agent:transfer", { agentId, ...f }));
    on("queue:take", AgentFrames["queue:take"], async (f) => {
      await dispatch.run("agent:take", { agentId, conversationId: f.conversationId, by: "agent" });
      return {};
    });
    on("resolve", AgentFrames.resolve, (f) => dispatch.run("agent:resolve", { agentId, conversationId: f.conversationId }));
    on("conversation:open", AgentFrames["conversation:open"], (f) => dispatch.run("agent:open", { agentId, conversationId: f.conversationId }));
    on("inbox:reply", AgentFrames["inbox:reply"], (f) => dispatch.run("agent:inbox-reply", { agentId, itemId: f.itemId, text: f.text }));
    on("note:add", AgentFrames["note:add"], (f) => dispatch.run("agent:note", { agentId, ...f }));
    on("read", AgentFrames.read, (f) => dispatch.run("agent:read", { agentId, conversationId: f.conversationId, upTo: f.upTo }));
    on("typing", AgentFrames.typing, (f) => dispatch.run("agent:typing", { agentId, conversationId: f.conversationId, typing: f.typing }));

    socket.on("disconnect", () => {
      const left = (sockets.get(agentId) ?? 1) - 1;
      sockets.set(agentId, left);
      if (socket.data.counted === true) {
        registry?.closed("agent", agentId).catch((err: unknown) => log.error({ err, agentId }, "could not count a console out"));
        return;
      }
      if (left > 0) return;
      graceTimers.set(
        agentId,
        setTimeout(() => {
          graceTimers.delete(agentId);
          if ((sockets.get(agentId) ?? 0) > 0) return;
          dispatch
            .run("agent:gone", { agentId })
            .catch((err: unknown) => log.error({ err, agentId }, "could not set a disconnected agent offline"));
        }, options.offlineGraceMs).unref(),
      );
    });

    // Everything the console needs to draw itself, on every (re)connection; after a restart (or a
    // failover) the agent's presence comes back with their console.
    dispatch
      .run("agent:connected", { agentId })
      .then((state) => {
        socket.emit("queue", state.queue);
        socket.emit("inbox", state.inbox);
        for (const chat of state.chats) socket.emit(chat.event, chat.payload);
      })
      .catch((err: unknown) => log.error({ err, agentId }, "could not send the console its state"));
  });

  return {
    connected: (id) => (sockets.get(id) ?? 0) > 0,
    close: () => {
      if (returningTimer !== null) clearTimeout(returningTimer);
      for (const t of graceTimers.values()) clearTimeout(t);
    },
  };
}
