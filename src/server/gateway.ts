import type { Socket } from "socket.io";
import type { z } from "zod";
import type { AppLogger } from "../app/index.js";
import { toErrorResponse } from "./error-handler.js";
import type { Ack } from "./protocol.js";
import type { Refusal } from "./rate-limits.js";
import { parseInput } from "./validate.js";

/**
 * One socket's frames, registered in one place so none escapes the rate limits: every frame
 * registered with `on` passes `guard` first, and any other event (unknown, or a misspelt one) is
 * counted against the same guard and answered `not_found` in its ack, at once (a client waiting for
 * an ack that never comes is a client stuck; a flood of unknown events is limited like any other).
 *
 * @example
 * const on = frames(socket, log, guard);
 * on("history", VisitorFrames.history, async () => ({ messages: [] }));
 */
export function frames(
  socket: Socket,
  log: AppLogger,
  guard: FrameGuard | undefined,
): <S extends z.ZodType, T>(event: string, schema: S, handler: (input: z.infer<S>) => Promise<T>) => void {
  const known = new Set<string>();
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === "string" && known.has(event)) return;
    const last = args.at(-1);
    const ack = typeof last === "function" ? (last as (a: Ack<never>) => void) : null;
    const refusal = guard?.check("unknown") ?? null;
    if (refusal !== null) {
      if (refused(socket, "unknown", refusal, ack, guard?.disconnectAfterRefused ?? Number.POSITIVE_INFINITY)) guard?.cutOff?.();
      return;
    }
    ack?.({ ok: false, error: { code: "not_found", message: "no such frame" } });
  });
  return (event, schema, handler) => {
    known.add(event);
    onFrame(socket, event, schema, log, handler, guard);
  };
}

/**
 * Registers a socket event whose payload is parsed by `schema` and whose result goes back in
 * the ack as `{ ok, data }` or `{ ok: false, error }`. A frame without an ack callback still runs.
 * `guard` runs first (the rate limits): a refused frame gets `rate_limited` with `retryAfterMs`
 * in its ack, or, sent without an ack, a "rate_limited" event (at most one a second); a socket
 * refused `disconnectAfterRefused` times in a row is disconnected.
 */
function onFrame<S extends z.ZodType, T>(
  socket: Socket,
  event: string,
  schema: S,
  log: AppLogger,
  handler: (input: z.infer<S>) => Promise<T>,
  guard?: FrameGuard,
): void {
  socket.on(event, async (payload: unknown, maybeAck?: unknown) => {
    const ack = typeof maybeAck === "function" ? (maybeAck as (a: Ack<T>) => void) : typeof payload === "function" ? (payload as (a: Ack<T>) => void) : null;
    const refusal = guard?.check(event) ?? null;
    if (refusal !== null) {
      if (refused(socket, event, refusal, ack, guard?.disconnectAfterRefused ?? Number.POSITIVE_INFINITY)) guard?.cutOff?.();
      return;
    }
    (socket.data as { refusedInARow?: number }).refusedInARow = 0;
    try {
      const input = parseInput(schema, typeof payload === "function" ? {} : (payload ?? {}));
      const data = await handler(input);
      ack?.({ ok: true, data });
    } catch (err) {
      const { body } = toErrorResponse(err, log);
      const retryAfterMs = (body.details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
      const error = {
        code: body.code,
        message: body.message,
        ...(body.path ? { path: body.path } : {}),
        ...(typeof retryAfterMs === "number" ? { retryAfterMs } : {}),
      };
      ack?.({ ok: false, error });
    }
  });
}

/** The rate limits as a gateway applies them to one socket's frames. */
export interface FrameGuard {
  check(event: string): Refusal | null;
  readonly disconnectAfterRefused: number;
  /** Called once the socket is cut off for flooding. */
  cutOff?(): void;
}

/** Answers a refused frame: in its ack, or with a "rate_limited" event (at most one a second); cuts off a socket that does not stop. */
function refused<T>(socket: Socket, event: string, refusal: Refusal, ack: ((a: Ack<T>) => void) | null, disconnectAfter: number): boolean {
  const data = socket.data as { refusedInARow?: number; limitedAt?: number };
  const inARow = (data.refusedInARow ?? 0) + 1;
  data.refusedInARow = inARow;
  const error = { code: refusal.code, message: refusal.message, retryAfterMs: refusal.retryAfterMs };
  if (inARow >= disconnectAfter) {
    socket.emit("rate_limited", { event, ...error, disconnected: true });
    socket.disconnect(true);
    return true;
  }
  if (ack !== null) {
    ack({ ok: false, error });
    return false;
  }
  const now = performance.now();
  if (now - (data.limitedAt ?? Number.NEGATIVE_INFINITY) < 1000) return false;
  data.limitedAt = now;
  socket.emit("rate_limited", { event, ...error });
  return false;
}
