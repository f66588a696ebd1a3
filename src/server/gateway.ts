import type { Socket } from "socket.io";
import type { z } from "zod";
import type { AppLogger } from "../app/index.js";
import { toErrorResponse } from "./error-handler.js";
import type { Ack } from "./protocol.js";
import { parseInput } from "./validate.js";

/**
 * Registers a socket event whose payload is parsed by `schema` and whose result goes back in
 * the ack as `{ ok, data }` or `{ ok: false, error }`. A frame without an ack callback still runs.
 * `guard` runs first (the rate limits): a refused frame gets `rate_limited` with `retryAfterMs`
 * in its ack, or, sent without an ack, a "rate_limited" event (at most one a second).
 */
export function onFrame<S extends z.ZodType, T>(
  socket: Socket,
  event: string,
  schema: S,
  log: AppLogger,
  handler: (input: z.infer<S>) => Promise<T>,
  guard?: (event: string) => void,
): void {
  socket.on(event, async (payload: unknown, maybeAck?: unknown) => {
    const ack = typeof maybeAck === "function" ? (maybeAck as (a: Ack<T>) => void) : typeof payload === "function" ? (payload as (a: Ack<T>) => void) : null;
    try {
      guard?.(event);
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
      if (ack !== null) ack({ ok: false, error });
      else if (body.code === "rate_limited") tellLimited(socket, event, error);
    }
  });
}

function tellLimited(socket: Socket, event: string, error: object): void {
  const now = performance.now();
  const last = (socket.data as { limitedAt?: number }).limitedAt ?? Number.NEGATIVE_INFINITY;
  if (now - last < 1000) return;
  (socket.data as { limitedAt?: number }).limitedAt = now;
  socket.emit("rate_limited", { event, ...error });
}
