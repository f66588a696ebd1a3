import type { Socket } from "socket.io";
import type { z } from "zod";
import type { AppLogger } from "../app/index.js";
import type { Ack } from "./protocol.js";
import { toErrorResponse } from "./error-handler.js";
import { parseInput } from "./validate.js";

/**
 * Registers a socket event whose payload is parsed by `schema` and whose result goes back in
 * the ack as `{ ok, data }` or `{ ok: false, error }`. A frame without an ack callback still runs.
 */
export function onFrame<S extends z.ZodType, T>(
  socket: Socket,
  event: string,
  schema: S,
  log: AppLogger,
  handler: (input: z.infer<S>) => Promise<T>,
): void {
  socket.on(event, async (payload: unknown, maybeAck?: unknown) => {
    const ack = typeof maybeAck === "function" ? (maybeAck as (a: Ack<T>) => void) : typeof payload === "function" ? (payload as (a: Ack<T>) => void) : null;
    try {
      const input = parseInput(schema, typeof payload === "function" ? {} : (payload ?? {}));
      const data = await handler(input);
      ack?.({ ok: true, data });
    } catch (err) {
      const { body } = toErrorResponse(err, log);
      ack?.({ ok: false, error: { code: body.code, message: body.message, ...(body.path ? { path: body.path } : {}) } });
    }
  });
}
