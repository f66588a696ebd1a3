import { createServer, type Server, type Socket, connect } from "node:net";

/**
 * A TCP proxy standing in for a load balancer: forwards every new connection to the current
 * backend port; `switchTo` sends new connections elsewhere and `cut` drops the open ones, as when
 * a node goes away and clients come back through the balancer to another node. `partition` is a
 * network cut instead: nothing passes any more, and nothing is closed (no FIN, no RST), as when a
 * host loses power or a link goes down.
 *
 * @example
 * const lb = await SwitchProxy.start(nodeA.port);
 * lb.switchTo(nodeB.port); lb.cut();
 */
export class SwitchProxy {
  private readonly open = new Set<Socket>();
  private readonly pairs = new Set<readonly [Socket, Socket]>();
  private partitioned = false;

  private constructor(
    private readonly server: Server,
    private backend: number,
  ) {
    server.on("connection", (client) => {
      this.open.add(client);
      if (this.partitioned) {
        client.pause(); // a connection attempt into a cut network: it never gets anywhere
        return;
      }
      const upstream = connect(this.backend, "127.0.0.1");
      this.open.add(upstream);
      const pair = [client, upstream] as const;
      this.pairs.add(pair);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.open.delete(client);
        this.open.delete(upstream);
        this.pairs.delete(pair);
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

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  switchTo(backend: number): void {
    this.backend = backend;
  }

  /** Nothing passes either way any more; every connection stays open, silent. */
  partition(): void {
    this.partitioned = true;
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
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
