import { io, type Socket } from "socket.io-client";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A client of a cluster behind a load balancer: when its node goes away it connects to the next
 * node (round robin) with the same token, as a browser behind HAProxy would after a node dies.
 * Handlers registered with `on` survive the switch; `onConnect` runs after every (re)connection.
 *
 * @example
 * const console = new FailoverSocket(urls, "/agent", token);
 * console.onConnect = () => console.call("presence:set", { presence: "online" });
 * await console.connect();
 */
export class FailoverSocket {
  socket: Socket | null = null;
  private i: number;
  private closed = false;
  private readonly handlers: [string, (payload: unknown) => void][] = [];
  onConnect: () => Promise<unknown> = async () => {};
  /** Connections made, the first included. */
  connections = 0;

  constructor(
    private readonly urls: readonly string[],
    private readonly nsp: "/agent" | "/visitor",
    private readonly token: string,
    start = 0,
  ) {
    this.i = start;
  }

  on(event: string, handler: (payload: unknown) => void): void {
    this.handlers.push([event, handler]);
    this.socket?.on(event, handler);
  }

  /** Connects to a node (the next one after each failure) and resolves once connected. */
  async connect(): Promise<void> {
    while (!this.closed) {
      const url = this.urls[this.i % this.urls.length] as string;
      const socket = io(`${url}${this.nsp}`, { auth: { token: this.token }, transports: ["websocket"], reconnection: false, timeout: 2000 });
      const ok = await new Promise<boolean>((resolve) => {
        socket.once("connect", () => resolve(true));
        socket.once("connect_error", () => resolve(false));
      });
      if (!ok) {
        socket.close();
        this.i++;
        await sleep(150);
        continue;
      }
      for (const [event, handler] of this.handlers) socket.on(event, handler);
      socket.once("disconnect", () => {
        if (this.closed || this.socket !== socket) return;
        this.socket = null;
        this.i++;
        void this.connect();
      });
      this.socket = socket;
      this.connections++;
      await this.onConnect().catch(() => undefined);
      return;
    }
  }

  /** Emits a frame and resolves with its ack; throws when not connected or no ack came in `ms`. */
  async call<T = unknown>(event: string, payload: unknown, ms = 5000): Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }> {
    const socket = this.socket;
    if (socket === null) throw new Error("not connected");
    return socket.timeout(ms).emitWithAck(event, payload);
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }
}
