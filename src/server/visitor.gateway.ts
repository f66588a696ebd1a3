import type { IncomingMessage } from "node:http";
import type { Namespace } from "socket.io";
import {
  abandonConversation,
  chooseWait,
  type Engine,
  emailTranscript,
  leaveAsyncMessage,
  presentForVisitor,
  presentTranscript,
  receiveVisitorMessage,
  resolveByBot,
  submitCsat,
  visitorStatus,
} from "../app/index.js";
import { DomainError } from "../core/errors.js";
import type { SessionTokens } from "./auth.js";
import { checkInboxItem } from "./inbox-guard.js";
import type { RateLimits } from "./rate-limits.js";
import { type FrameGuard, frames } from "./gateway.js";
import { VisitorFrames } from "./protocol.js";
import { room } from "./socket.publisher.js";

/** The widget's real-time channel: one room per conversation, every frame validated. */
export function visitorGateway(
  nsp: Namespace,
  engine: Engine,
  tokens: SessionTokens,
  observeMessageSeconds: (seconds: number) => void = () => {},
  /** How long a queued visitor may be gone (no widget connected) before the chat leaves the queue. */
  abandonAfterMs = 5 * 60 * 1000,
  limits: RateLimits | null = null,
  /** The client's address (behind trusted proxies, from X-Forwarded-For; see client-address.ts). */
  addressOf: (req: IncomingMessage) => string = (req) => req.socket.remoteAddress ?? "unknown",
): void {
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
          engine
            .command(() => abandonConversation(engine, conversationId))
            .catch((err: unknown) => log.error({ err, conversationId }, "could not take an abandoned chat out of the queue"));
        }, abandonAfterMs).unref(),
      );
    });
    on("message:send", VisitorFrames["message:send"], async (f) => {
      const started = performance.now();
      const { message, duplicate } = await engine.command(() =>
        receiveVisitorMessage(engine, { conversationId, clientMessageId: f.clientMessageId, text: f.text, page: f.page, payload: f.payload }),
      );
      observeMessageSeconds((performance.now() - started) / 1000);
      return { message: presentForVisitor(message, "Visitor"), duplicate };
    });
    on("wait:choose", VisitorFrames["wait:choose"], (f) =>
      engine.command(async () => {
        await chooseWait(engine, conversationId, f.choice);
        return { choice: f.choice };
      })
    );
    on("async:leave", VisitorFrames["async:leave"], (f) =>
      // Checked in the lane, so two frames at once cannot both claim the conversation's reply address.
      engine.command(async () => {
        await checkInboxItem(engine, conversationId, f.email);
        return leaveAsyncMessage(engine, conversationId, f);
      })
    );
    on("bot:resolved", VisitorFrames["bot:resolved"], () =>
      engine.command(async () => {
        await resolveByBot(engine, conversationId);
        return {};
      }),
    );
    on("csat:submit", VisitorFrames["csat:submit"], (f) =>
      engine.command(() => submitCsat(engine, conversationId, f.score, f.comment ?? null))
    );
    on("history", VisitorFrames.history, async () => {
      const { store } = engine.deps;
      const c = await engine.conversation(conversationId);
      const messages = await presentTranscript(engine, await store.listMessages(conversationId));
      return { status: await visitorStatus(engine, c), messages, inbox: await store.listInbox({ conversationId }) };
    });
    on("transcript:email", VisitorFrames["transcript:email"], (f) => emailTranscript(engine, conversationId, f.email));
    // Typing never touches the database nor the serial lane: the router knows who holds the chat.
    on("typing", VisitorFrames.typing, async (f) => {
      const agentId = engine.router.stateOf(conversationId) === "assigned" ? engine.router.agentOf(conversationId) : null;
      if (agentId !== null) {
        engine.deps.publisher.publish({ kind: "agent", agentId }, "typing", { conversationId, author: "visitor", typing: f.typing });
      }
      return {};
    });
  });
}
