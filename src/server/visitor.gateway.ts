import type { Namespace } from "socket.io";
import {
  abandonConversation,
  chooseWait,
  type Engine,
  leaveAsyncMessage,
  presentMessage,
  presentTranscript,
  receiveVisitorMessage,
  resolveByBot,
  submitCsat,
  visitorStatus,
} from "../app/index.js";
import { DomainError } from "../core/errors.js";
import type { SessionTokens } from "./auth.js";
import { InboxGuard } from "./inbox-guard.js";
import type { RateLimits } from "./rate-limits.js";
import { type FrameGuard, onFrame } from "./gateway.js";
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
  inboxGuard: InboxGuard = new InboxGuard(10),
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
    onFrame(socket, "message:send", VisitorFrames["message:send"], log, async (f) => {
      const started = performance.now();
      const { message, duplicate } = await engine.command(() =>
        receiveVisitorMessage(engine, { conversationId, clientMessageId: f.clientMessageId, text: f.text, page: f.page, payload: f.payload }),
      );
      observeMessageSeconds((performance.now() - started) / 1000);
      return { message: presentMessage(message, "Visitor"), duplicate };
    }, guard);
    onFrame(socket, "wait:choose", VisitorFrames["wait:choose"], log, (f) =>
      engine.command(async () => {
        await chooseWait(engine, conversationId, f.choice);
        return { choice: f.choice };
      }),
      guard,
    );
    onFrame(socket, "async:leave", VisitorFrames["async:leave"], log, (f) =>
      // Checked in the lane, so two frames at once cannot both claim the conversation's reply address.
      engine.command(async () => {
        await inboxGuard.check(engine, conversationId, socket.handshake.address, f.email);
        return leaveAsyncMessage(engine, conversationId, f);
      }),
      guard,
    );
    onFrame(socket, "bot:resolved", VisitorFrames["bot:resolved"], log, () =>
      engine.command(async () => {
        await resolveByBot(engine, conversationId);
        return {};
      }),
    );
    onFrame(socket, "csat:submit", VisitorFrames["csat:submit"], log, (f) =>
      engine.command(() => submitCsat(engine, conversationId, f.score, f.comment ?? null)),
      guard,
    );
    onFrame(socket, "history", VisitorFrames.history, log, async () => {
      const { store } = engine.deps;
      const c = await engine.conversation(conversationId);
      const messages = await presentTranscript(engine, await store.listMessages(conversationId));
      return { status: await visitorStatus(engine, c), messages, inbox: await store.listInbox({ conversationId }) };
    }, guard);
    // Typing never touches the database nor the serial lane: the router knows who holds the chat.
    onFrame(socket, "typing", VisitorFrames.typing, log, async (f) => {
      const agentId = engine.router.stateOf(conversationId) === "assigned" ? engine.router.agentOf(conversationId) : null;
      if (agentId !== null) {
        engine.deps.publisher.publish({ kind: "agent", agentId }, "typing", { conversationId, author: "visitor", typing: f.typing });
      }
      return {};
    }, guard);
  });
}
