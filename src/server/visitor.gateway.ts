import type { IncomingMessage } from "node:http";
import type { Namespace } from "socket.io";
import type { Engine } from "../app/index.js";
import { DomainError } from "../core/errors.js";
import type { PresenceRegistry } from "../adapters/redis/index.js";
import type { SessionTokens } from "./auth.js";
import type { Dispatcher } from "./commands.js";
import type { RateLimits } from "./rate-limits.js";
import { type FrameGuard, frames } from "./gateway.js";
import { VisitorFrames } from "./protocol.js";
import { room } from "./socket.publisher.js";

/** How long a queued visitor may be gone (no widget connected) before their chat leaves the queue. */
export const ABANDON_AFTER_MS = 5 * 60 * 1000;

export interface VisitorGatewayOptions {
  /** Where router commands run: here, or at the cluster's router leader. */
  readonly dispatch: Dispatcher;
  readonly observeMessageSeconds?: (seconds: number) => void;
  /** How long a queued visitor may be gone (no widget connected) before the chat leaves the queue. */
  readonly abandonAfterMs?: number;
  readonly limits?: RateLimits | null;
  /** Cluster: widgets counted in Redis per node, so a widget back on another node keeps its chat. */
  readonly registry?: PresenceRegistry | null;
  /** The client's address (behind trusted proxies, from X-Forwarded-For; see client-address.ts). */
  readonly addressOf?: (req: IncomingMessage) => string;
}

/** The widget's real-time channel: one room per conversation, every frame validated. */
export function visitorGateway(nsp: Namespace, engine: Engine, tokens: SessionTokens, options: VisitorGatewayOptions): void {
  const { dispatch } = options;
  const observeMessageSeconds = options.observeMessageSeconds ?? (() => {});
  const abandonAfterMs = options.abandonAfterMs ?? ABANDON_AFTER_MS;
  const limits = options.limits ?? null;
  const registry = options.registry ?? null;
  const addressOf = options.addressOf ?? ((req: IncomingMessage) => req.socket.remoteAddress ?? "unknown");
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
    const ip = addressOf(socket.request);
    const guard: FrameGuard | undefined =
      limits === null
        ? undefined
        : {
            check: (event) => limits.visitorFrame(socket.id, ip, conversationId, event),
            disconnectAfterRefused: limits.disconnectAfterRefused,
            cutOff: () => limits.cutOffAddress(ip),
          };
    const on = frames(socket, log, guard);
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
    on("message:send", VisitorFrames["message:send"], async (f) => {
      const started = performance.now();
      const result = await dispatch.run("visitor:message", { conversationId, clientMessageId: f.clientMessageId, text: f.text, page: f.page, payload: f.payload });
      observeMessageSeconds((performance.now() - started) / 1000);
      return result;
    });
    on("wait:choose", VisitorFrames["wait:choose"], (f) => dispatch.run("visitor:wait", { conversationId, choice: f.choice }));
    on("async:leave", VisitorFrames["async:leave"], (f) => dispatch.run("visitor:async", { conversationId, ...f }));
    on("bot:resolved", VisitorFrames["bot:resolved"], () => dispatch.run("visitor:bot-resolved", { conversationId }));
    on("csat:submit", VisitorFrames["csat:submit"], (f) => dispatch.run("visitor:csat", { conversationId, score: f.score, comment: f.comment ?? null }));
    on("history", VisitorFrames.history, () => dispatch.run("visitor:history", { conversationId }));
    on("transcript:email", VisitorFrames["transcript:email"], (f) => dispatch.run("visitor:transcript-email", { conversationId, email: f.email }));
    on("read", VisitorFrames.read, (f) => dispatch.run("visitor:read", { conversationId, upTo: f.upTo }));
    on("typing", VisitorFrames.typing, (f) => dispatch.run("visitor:typing", { conversationId, typing: f.typing }));
  });
}
