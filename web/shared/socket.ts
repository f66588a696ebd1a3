/**
 * Socket.io helpers shared by the web surfaces: one way to connect to a Baton namespace and one
 * way to send a frame and read its `Ack<T>` (`{ ok, data }` or `{ ok: false, error }`).
 */
import { io, type Socket } from "socket.io-client";

/** The ack every client → server frame gets (see src/server/protocol.ts). */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; path?: string } };

/** A frame the server refused (validation, state) or that timed out (`code: "timeout"`). */
export class FrameError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = "FrameError";
  }
}

/**
 * Connects to `${origin}${namespace}` with the session token. WebSocket first, long-polling as
 * the fallback; reconnects forever with a capped back-off. The caller reads "connect",
 * "disconnect" and "connect_error" to show the connection state.
 * @example
 * const socket = connectNamespace("https://baton.example", "/visitor", token);
 */
export function connectNamespace(origin: string, namespace: "/visitor" | "/agent", token: string): Socket {
  return io(`${origin}${namespace}`, {
    auth: { token },
    transports: ["websocket", "polling"],
    tryAllTransports: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
}

/**
 * Emits `event` and resolves with the ack's data; rejects with a FrameError when the server
 * answers `{ ok: false }` or nothing comes back within `timeoutMs`.
 * @example
 * const { message } = await request<{ message: PresentedMessage }>(socket, "message:send", { clientMessageId, text });
 */
export async function request<T>(socket: Socket, event: string, payload: object, timeoutMs = 10_000): Promise<T> {
  let ack: Ack<T>;
  try {
    ack = (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
  } catch {
    throw new FrameError("timeout", `no answer to ${event} within ${timeoutMs} ms`);
  }
  if (ack.ok) return ack.data;
  throw new FrameError(ack.error.code, ack.error.message, ack.error.path);
}
