import { createServer, type Server, type Socket, connect } from "node:net";

/**
 * A TCP proxy standing in for a load balancer: forwards every new connection to the current
 * backend port; `switchTo` sends new connections elsewhere and `cut` drops the open ones, as when
 * a node goes away and clients come back through the balancer to another node.
 *
 * @example
 * const lb = await SwitchProxy.start(nodeA.port);
 * lb.switchTo(nodeB.port); lb.cut();
 */
export class SwitchProxy {
  private readonly open = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private backend: number,
  ) {
    server.on("connection", (client) => {
      const upstream = connect(this.backend, "127.0.0.1");
      this.open.add(client);
      this.open.add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.open.delete(client);
        this.open.delete(upstream);
      };
      client.on("error", drop);
      upstream.on("error", drop);
      client.on("close", drop);
      upstream.on("close", drop);
    });
  }

  static async start(backend: number): Promise<SwitchProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return new SwitchProxy(server, backend);
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  switchTo(backend: number): void {
    this.backend = backend;
  }

  /** Drops every open connection (clients see their transport close). */
  cut(): void {
    for (const s of this.open) s.destroy();
    this.open.clear();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
