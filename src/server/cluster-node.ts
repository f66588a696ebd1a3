import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Redis } from "ioredis";
import { LeaderLock, type Leadership } from "../adapters/postgres/index.js";
import { type CommandEnvelope, type CommandReply, PresenceRegistry, RedisCommandBus } from "../adapters/redis/index.js";
import type { OpenedStore } from "../adapters/storage/index.js";
import { decideUndecidedMessages, type Engine, restoreRouter, setAgentPresence } from "../app/index.js";
import type { ClusterConfig } from "../core/config/index.js";
import { DOMAIN_ERROR_CODES, type DomainErrorCode, DomainError, isDomainError } from "../core/errors.js";
import type { CommandArgs, CommandName, CommandResult, CommandTable, Dispatcher } from "./commands.js";

export interface ClusterNodeOptions {
  readonly engine: Engine;
  readonly store: OpenedStore;
  readonly storageUrl: string;
  readonly cluster: ClusterConfig;
  /** An agent with no console on any live node this long goes offline (their chats are requeued). */
  readonly offlineGraceMs: number;
  /**
   * A queued chat whose widget is on no live node this long is abandoned (the node that held the
   * widget may have died, taking its abandon timer with it).
   */
  readonly abandonAfterMs: number;
  /** Starts what only the leader runs (the scheduler); returns its stop. */
  readonly leaderWork: () => () => void;
  /** The lock's connection broke while leading: this node must stop routing at once (Baton exits). */
  readonly onLeadershipLost: (err: Error) => void;
  /** How often a follower tries the leader lock (500 ms). */
  readonly electionEveryMs?: number;
}

/** A name for this process, unique across restarts (a restarted node's old sockets must not count). */
export function newNodeId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
}

/**
 * One node of a cluster. Every node serves HTTP and sockets; one of them, the router leader
 * (holder of the PostgreSQL advisory lock), owns the router. A follower's router commands go to
 * the leader over the Redis command stream and come back as replies; the leader applies them in
 * stream order, publishes effects through the socket.io Redis adapter to every node, runs the
 * scheduler, and sets offline the agents whose consoles are gone from every live node. When the
 * leader dies another node takes the lock, raises the epoch, rebuilds the router from the store
 * and reads the command stream on from the last applied id.
 *
 * @example
 * const node = new ClusterNode(table, options);
 * await node.start();
 * await node.run("agent:presence", { agentId, presence: "online" }); // here, or at the leader
 */
export class ClusterNode implements Dispatcher {
  readonly nodeId = newNodeId();
  readonly redis: Redis;
  /**
   * The rate limits' connection (sign-ins per address and per account, shared by every node): it
   * fails fast when Redis is away (the limits then let requests through) instead of queueing
   * requests behind reconnects like the cluster's main connection does.
   */
  readonly limitsRedis: Redis;
  readonly registry: PresenceRegistry;
  private readonly bus: RedisCommandBus;
  private readonly lock: LeaderLock;
  private leadingEpoch: number | null = null;
  private electing: NodeJS.Timeout | null = null;
  private consumer: { stop(): Promise<void> } | null = null;
  private stopLeaderWork: (() => void) | null = null;
  private sweeping: NodeJS.Timeout | null = null;
  private readonly goneSince = new Map<string, number>();
  private readonly visitorGoneSince = new Map<string, number>();
  private closed = false;
  /** Told the moment this node wins the lock, before it rebuilds the router (tests, logs). */
  readonly onLeading: ((leadership: Leadership) => void)[] = [];

  constructor(
    private readonly table: CommandTable,
    private readonly opts: ClusterNodeOptions,
  ) {
    const { cluster } = opts;
    this.redis = new Redis(cluster.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    this.redis.on("error", (err) => opts.engine.deps.log.warn({ err }, "redis connection error"));
    this.limitsRedis = new Redis(cluster.redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1 });
    this.limitsRedis.on("error", () => {}); // the main connection logs Redis trouble; the limits fail open
    this.registry = new PresenceRegistry(this.redis, cluster.keyPrefix, this.nodeId, cluster.heartbeatMs);
    this.bus = new RedisCommandBus({ redis: this.redis, keyPrefix: cluster.keyPrefix, nodeId: this.nodeId, maxLen: cluster.commandStreamMaxLen });
    this.lock = new LeaderLock(
      opts.storageUrl,
      this.nodeId,
      (err) => {
        this.leadingEpoch = null;
        opts.store.fenceRoutingWrites(-1);
        opts.onLeadershipLost(err);
      },
      {
        leaseMs: cluster.leaderLeaseMs,
        onHolderEnded: (pid, quietMs) =>
          opts.engine.deps.log.warn({ backend: pid, quietMs, leaseMs: cluster.leaderLeaseMs }, "ended the router leader's lock session: quiet for longer than its lease (its node is gone or cut off from PostgreSQL)"),
      },
    );
  }

  get leads(): boolean {
    return this.leadingEpoch !== null;
  }

  get epoch(): number | null {
    return this.leadingEpoch;
  }

  /** Joins the cluster: heartbeats, the reply channel, and the election (tried now, then every 500 ms). */
  async start(): Promise<void> {
    await this.registry.start();
    await this.bus.start();
    await this.elect();
    this.electing = setInterval(() => {
      if (this.leads || this.closed) return;
      this.elect().catch((err: unknown) => this.opts.engine.deps.log.warn({ err }, "leader election attempt failed"));
    }, this.opts.electionEveryMs ?? 500);
    this.electing.unref();
  }

  private electionRunning = false;

  private async elect(): Promise<void> {
    if (this.electionRunning || this.closed) return;
    this.electionRunning = true;
    try {
      const won = await this.lock.tryAcquire(this.opts.engine.now());
      if (won !== null) await this.lead(won);
    } finally {
      this.electionRunning = false;
    }
  }

  /** Becomes the router leader: fences writes with the new epoch, rebuilds the router, reads the stream on. */
  private async lead(leadership: Leadership): Promise<void> {
    const { engine, store } = this.opts;
    const log = engine.deps.log;
    store.fenceRoutingWrites(leadership.epoch);
    for (const listen of this.onLeading) listen(leadership);
    const restored = await engine.command(() => restoreRouter(engine));
    log.info({ ...restored, epoch: leadership.epoch, node: this.nodeId }, "router leader: router rebuilt from the store");
    const decided = await engine.command(() => decideUndecidedMessages(engine));
    if (decided > 0) log.info({ conversations: decided }, "decided visitor messages stored before the failover");
    this.leadingEpoch = leadership.epoch;
    this.stopLeaderWork = this.opts.leaderWork();
    this.consumer = this.bus.consume(
      leadership.lastAppliedId,
      (envelope) => this.apply(envelope),
      async (lastId) => {
        if (!(await this.lock.recordApplied(lastId))) this.opts.onLeadershipLost(new Error("a later router leader was elected"));
      },
      (err) => log.error({ err }, "router command failed"),
    );
    await this.sweep();
    this.sweeping = setInterval(() => {
      this.sweep().catch((err: unknown) => log.error({ err }, "presence sweep failed"));
    }, this.opts.cluster.heartbeatMs);
    this.sweeping.unref();
  }

  /**
   * Applies one command from the stream and replies to the node that sent it (the bus records it
   * applied once every earlier command has finished too). The command is called before the first
   * await, so it takes its place in the lanes in stream order. A leader killed after replying and
   * before recording has the command applied again by the next one: visitor messages are
   * idempotent, the others are refused the second time and that reply is ignored.
   */
  private async apply(envelope: CommandEnvelope): Promise<void> {
    let reply: CommandReply;
    const command = this.table[envelope.name as CommandName] as ((a: unknown) => Promise<unknown>) | undefined;
    if (command === undefined) {
      reply = { ok: false, error: { code: "invalid_input", message: `unknown router command ${envelope.name}` } };
    } else {
      try {
        reply = { ok: true, data: await command(envelope.args) };
      } catch (err) {
        if (!isDomainError(err)) this.opts.engine.deps.log.error({ err, command: envelope.name }, "router command failed");
        if (isDomainError(err) && err.code === "stale_leader") this.opts.onLeadershipLost(err);
        reply = isDomainError(err)
          ? { ok: false, error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }
          : { ok: false, error: { code: "internal", message: "the router leader could not apply this command" } };
      }
    }
    await this.bus.reply(envelope, reply);
  }

  /**
   * Presence, cluster-wide (leader only): an agent back on any live node gets their presence back
   * after a failover; one with no console on any live node for the grace period goes offline; a
   * queued chat whose widget is on no live node for the abandon period leaves the queue.
   */
  private async sweep(): Promise<void> {
    await this.sweepAgents();
    await this.sweepVisitors();
  }

  /**
   * The abandon timer of a widget lives on its node; when that node dies (and the visitor never
   * comes back) nobody else would fire it: the leader does, from the presence registry (a dead
   * node's heartbeat expires and its widgets count for nothing).
   */
  private async sweepVisitors(): Promise<void> {
    const queued = [...this.opts.engine.router.queuedRequests()].map((r) => r.conversationId);
    const watched = new Set(queued);
    for (const id of this.visitorGoneSince.keys()) if (!watched.has(id)) this.visitorGoneSince.delete(id);
    if (queued.length === 0) return;
    const connected = await this.registry.connected("visitor", queued);
    const now = Date.now();
    for (const conversationId of queued) {
      if (connected.has(conversationId)) {
        this.visitorGoneSince.delete(conversationId);
        continue;
      }
      const since = this.visitorGoneSince.get(conversationId) ?? now;
      this.visitorGoneSince.set(conversationId, since);
      if (now - since >= this.opts.abandonAfterMs) {
        this.visitorGoneSince.delete(conversationId);
        await this.table["visitor:abandon"]({ conversationId });
      }
    }
  }

  private async sweepAgents(): Promise<void> {
    const { engine } = this.opts;
    const watched = engine.router
      .roster()
      .filter((a) => a.presence !== "offline" || engine.returning.has(a.id))
      .map((a) => a.id);
    const connected = await this.registry.connected("agent", watched);
    const now = Date.now();
    for (const agentId of watched) {
      if (connected.has(agentId)) {
        this.goneSince.delete(agentId);
        const presence = engine.returning.get(agentId);
        if (presence !== undefined) {
          await engine.command(async () => {
            if (engine.returning.get(agentId) !== presence) return;
            engine.returning.delete(agentId);
            await setAgentPresence(engine, agentId, presence);
          });
        }
        continue;
      }
      const since = this.goneSince.get(agentId) ?? now;
      this.goneSince.set(agentId, since);
      if (now - since >= this.opts.offlineGraceMs) {
        this.goneSince.delete(agentId);
        await this.table["agent:gone"]({ agentId });
      }
    }
  }

  run<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandResult<N>> {
    if (this.leads) {
      return (this.table[name] as (a: CommandArgs<N>) => Promise<CommandResult<N>>)(args).catch((err: unknown) => {
        // A later leader raised the epoch and this one's routing write was refused: stop routing.
        if (isDomainError(err) && err.code === "stale_leader") this.opts.onLeadershipLost(err);
        throw err;
      });
    }
    return this.bus.send(name, args).then((reply) => {
      if (reply.ok) return reply.data as CommandResult<N>;
      const { code, message, details } = reply.error;
      if ((DOMAIN_ERROR_CODES as readonly string[]).includes(code)) {
        throw new DomainError(code as DomainErrorCode, message, details as Record<string, unknown> | undefined);
      }
      throw new Error(message);
    });
  }

  /**
   * socket.io's adapter for this cluster: an emit on any node reaches the room's sockets on every
   * node, and a client back within the recovery window on another node replays what it missed.
   */
  socketAdapter(): ReturnType<typeof createAdapter> {
    const { keyPrefix, streamMaxLen } = this.opts.cluster;
    return createAdapter(this.redis, {
      streamName: `${keyPrefix}socket.io`,
      channelPrefix: `${keyPrefix}socket.io`,
      sessionKeyPrefix: `${keyPrefix}sio:session:`,
      maxLen: streamMaxLen,
    });
  }

  /** Whether a visitor conversation has a widget on any live node. */
  async visitorConnected(conversationId: string): Promise<boolean> {
    return (await this.registry.connected("visitor", [conversationId])).has(conversationId);
  }

  /** Leaves the cluster: gives the lock up (another node takes over at once), stops heartbeats. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.electing !== null) clearInterval(this.electing);
    if (this.sweeping !== null) clearInterval(this.sweeping);
    this.stopLeaderWork?.();
    await this.consumer?.stop();
    await this.opts.engine.serial.idle();
    await this.lock.close();
    await this.registry.stop();
    await this.bus.close();
    this.redis.disconnect();
    this.limitsRedis.disconnect();
  }
}
