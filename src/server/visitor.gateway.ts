import type { Namespace } from "socket.io";
import type { Engine } from "../app/index.js";
import { DomainError } from "../core/errors.js";
import type { PresenceRegistry } from "../adapters/redis/index.js";
import type { SessionTokens } from "./auth.js";
import type { Dispatcher } from "./commands.js";
import type { RateLimits } from "./rate-limits.js";
import { type FrameGuard, onFrame } from "./gateway.js";
import { VisitorFrames } from "./protocol.js";
import { room } from "./socket.publisher.js";

export interface VisitorGatewayOptions {
  /** Where router commands run: here, or at the cluster's router leader. */
  readonly dispatch: Dispatcher;
  readonly observeMessageSeconds?: (seconds: number) => void;
  /** How long a queued visitor may be gone (no widget connected) before the chat leaves the queue. */
  readonly abandonAfterMs?: number;
  readonly limits?: RateLimits | null;
  /** Cluster: widgets counted in Redis per node, so a widget back on another node keeps its chat. */
  readonly registry?: PresenceRegistry | null;
}

/** The widget's real-time channel: one room per conversation, every frame validated. */
export function visitorGateway(nsp: Namespace, engine: Engine, tokens: SessionTokens, options: VisitorGatewayOptions): void {
  const { dispatch } = options;
  const observeMessageSeconds = options.observeMessageSeconds ?? (() => {});
  const abandonAfterMs = options.abandonAfterMs ?? 5 * 60 * 1000;
  const limits = options.limits ?? null;
  const registry = options.registry ?? null;
  const connected = new Map<string, number>();
  const timers = new Map<string, NodeJS.Timeout>();
  const log = engine.deps.log;
  nsp.use(async (socket, next) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      if (typeof token !== "string") throw new DomainError("unauthenticated", "a visitor session token is required");
      const claims = await tokens.verify(token, engine.now(), "visitor");
      socket.data.conversationId = claims.conversationId;
      socket.data.visitorId = claims.visitorId;
      socket.data.jti = claims.jti;
      await registry?.opened("visitor", claims.conversationId);
      socket.data.counted = registry !== null;
      next();
    } catch (err) {
      next(err as Error);
    }
  });
  nsp.on("connection", (socket) => {
    const conversationId = socket.data.conversationId as string;
    const ip = socket.handshake.address;
    const guard: FrameGuard | undefined =
      limits === null
        ? undefined
        : {
            check: (event) => limits.visitorFrame(socket.id, ip, conversationId, event),
            disconnectAfterRefused: limits.disconnectAfterRefused,
            cutOff: () => limits.cutOffAddress(ip),
          };
    void socket.join(room.conversation(conversationId));
    connected.set(conversationId, (connected.get(conversationId) ?? 0) + 1);
    clearTimeout(timers.get(conversationId));
    timers.delete(conversationId);
    socket.on("disconnect", () => {
      if (socket.data.counted === true) {
        registry?.closed("visitor", conversationId).catch((err: unknown) => log.error({ err, conversationId }, "could not count a widget out"));
      }
      const left = (connected.get(conversationId) ?? 1) - 1;
      if (left > 0) {
        connected.set(conversationId, left);
        return;
      }
      connected.delete(conversationId);
      timers.set(
        conversationId,
        setTimeout(() => {
          timers.delete(conversationId);
          if (connected.has(conversationId)) return;
          dispatch
            .run("visitor:abandon", { conversationId })
            .catch((err: unknown) => log.error({ err, conversationId }, "could not take an abandoned chat out of the queue"));
        }, abandonAfterMs).unref(),
      );
    });
    onFrame(socket, "message:send", VisitorFrames["message:send"], log, async (f) => {
      const started = performance.now();
      const result = await dispatch.run("visitor:message", { conversationId, clientMessageId: f.clientMessageId, text: f.text, page: f.page });
      observeMessageSeconds((performance.now() - started) / 1000);
      return result;
    }, guard);
    onFrame(socket, "wait:choose", VisitorFrames["wait:choose"], log, (f) => dispatch.run("visitor:wait", { conversationId, choice: f.choice }), guard);
    onFrame(socket, "async:leave", VisitorFrames["async:leave"], log, (f) => dispatch.run("visitor:async", { conversationId, ip: socket.handshake.address, ...f }), guard);
    onFrame(socket, "bot:resolved", VisitorFrames["bot:resolved"], log, () => dispatch.run("visitor:bot-resolved", { conversationId }));
    onFrame(socket, "csat:submit", VisitorFrames["csat:submit"], log, (f) => dispatch.run("visitor:csat", { conversationId, score: f.score, comment: f.comment ?? null }), guard);
    onFrame(socket, "history", VisitorFrames.history, log, () => dispatch.run("visitor:history", { conversationId }), guard);
    onFrame(socket, "typing", VisitorFrames.typing, log, (f) => dispatch.run("visitor:typing", { conversationId, typing: f.typing }), guard);
  });
}
