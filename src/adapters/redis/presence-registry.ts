import type { Redis } from "ioredis";

/** Whose sockets a registry counts: an agent's consoles, or a visitor conversation's widgets. */
export type SocketOwner = "agent" | "visitor";

/**
 * Who is connected, cluster-wide. Each node keeps, per agent (and per visitor conversation), the
 * number of its own sockets in a Redis hash field named after the node, and says it is alive
 * with a key that expires after three heartbeats. An agent is connected when some live node
 * counts a socket of theirs: consoles on two nodes count once, and a node that dies takes its
 * sockets with it when its key expires.
 *
 * @example
 * await registry.opened("agent", "maria");
 * await registry.connected("agent", ["maria", "tom"]); // Set { "maria" }
 */
export class PresenceRegistry {
  private beat: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    readonly nodeId: string,
    private readonly heartbeatMs: number,
  ) {}

  private nodeKey(node: string): string {
    return `${this.keyPrefix}node:${node}`;
  }

  private socketsKey(owner: SocketOwner, id: string): string {
    return `${this.keyPrefix}${owner}-sockets:${id}`;
  }

  /** Starts the heartbeat (the first beat is written before this resolves). */
  async start(): Promise<void> {
    const beat = () => this.redis.set(this.nodeKey(this.nodeId), String(Date.now()), "PX", this.heartbeatMs * 3);
    await beat();
    this.beat = setInterval(() => void beat().catch(() => undefined), this.heartbeatMs);
    this.beat.unref();
  }

  async opened(owner: SocketOwner, id: string): Promise<void> {
    await this.redis.hincrby(this.socketsKey(owner, id), this.nodeId, 1);
  }

  async closed(owner: SocketOwner, id: string): Promise<void> {
    const left = await this.redis.hincrby(this.socketsKey(owner, id), this.nodeId, -1);
    if (left <= 0) await this.redis.hdel(this.socketsKey(owner, id), this.nodeId);
  }

  /** Of `ids`, those with a socket on a live node. Counts left by dead nodes are removed on the way. */
  async connected(owner: SocketOwner, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const read = this.redis.pipeline();
    for (const id of ids) read.hgetall(this.socketsKey(owner, id));
    const counts = ((await read.exec()) ?? []).map(([, v]) => (v ?? {}) as Record<string, string>);
    const nodes = [...new Set(counts.flatMap((c) => Object.keys(c)))];
    const alive = new Set<string>();
    if (nodes.length > 0) {
      const exists = await this.redis.mget(...nodes.map((n) => this.nodeKey(n)));
      nodes.forEach((n, i) => {
        if (exists[i] !== null) alive.add(n);
      });
    }
    const out = new Set<string>();
    const dead = this.redis.pipeline();
    let anyDead = false;
    ids.forEach((id, i) => {
      for (const [node, n] of Object.entries(counts[i] ?? {})) {
        if (!alive.has(node)) {
          dead.hdel(this.socketsKey(owner, id), node);
          anyDead = true;
        } else if (Number(n) > 0) out.add(id);
      }
    });
    if (anyDead) await dead.exec();
    return out;
  }

  /** Stops the heartbeat and says this node is gone (its counts then count for nothing). */
  async stop(): Promise<void> {
    if (this.beat !== null) clearInterval(this.beat);
    this.beat = null;
    await this.redis.del(this.nodeKey(this.nodeId)).catch(() => undefined);
  }
}
