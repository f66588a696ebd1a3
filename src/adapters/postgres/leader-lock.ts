import pg from "pg";

/** Baton's advisory lock key for the router leader (any fixed 64-bit number; "baton" in ASCII). */
export const ROUTER_LOCK_KEY = 0x6261746f6e;

/** The lock's key as pg_locks shows an advisory lock taken with one bigint: high and low 32 bits. */
const LOCK_CLASSID = Math.floor(ROUTER_LOCK_KEY / 2 ** 32);
const LOCK_OBJID = ROUTER_LOCK_KEY % 2 ** 32;

export interface LeaderLockOptions {
  /**
   * How long the lock's session may stay quiet before another node ends it (10 s; the leader
   * queries every quarter of it). Longer than any pause a healthy leader has.
   */
  readonly leaseMs?: number;
  /** This node ended the lock session of a leader quiet for longer than the lease (logs). */
  readonly onHolderEnded?: (pid: number, quietMs: number) => void;
}

/** What a node learns when it becomes the router leader. */
export interface Leadership {
  /** The fencing token: higher than every earlier leader's. */
  readonly epoch: number;
  /** The id of the last router command an earlier leader applied from the command stream ("0-0": none). */
  readonly lastAppliedId: string;
}

/**
 * The router leader election: a session-level PostgreSQL advisory lock held on a connection of
 * its own (never a pooled one), so the lock lives exactly as long as that connection. A node that
 * takes it raises the epoch in `router_leader`; every routing write carries the epoch and is
 * refused once a later leader exists. When the lock connection breaks (the server restarted it,
 * the network dropped), `onLost` is called at once: the node must stop routing (Baton exits and
 * its supervisor starts it again as a follower).
 *
 * A leader whose host vanishes (power, kernel, network) sends no FIN: PostgreSQL would keep its
 * session, and the lock, until TCP gives up (two hours by default). So the lock is also a lease:
 * the leader runs a query on the lock's connection every quarter lease, and gives up (onLost) when
 * one does not answer within half a lease; a node that finds the lock's session quiet for longer
 * than the lease ends that session (pg_terminate_backend) and takes the lock on its next try.
 * Server-side TCP keepalives on the lock's session end a dead peer's session too, as a backstop.
 *
 * @example
 * const lock = new LeaderLock(url, "node-a", () => process.exit(70));
 * const won = await lock.tryAcquire(Date.now()); // null while another node leads
 */
export class LeaderLock {
  private client: pg.Client | null = null;
  private leading: Leadership | null = null;
  private closed = false;
  private beating: NodeJS.Timeout | null = null;

  private readonly leaseMs: number;
  private readonly onHolderEnded: (pid: number, quietMs: number) => void;

  constructor(
    private readonly url: string,
    private readonly nodeId: string,
    private readonly onLost: (err: Error) => void,
    options: LeaderLockOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 10_000;
    this.onHolderEnded = options.onHolderEnded ?? (() => {});
  }

  get leadership(): Leadership | null {
    return this.leading;
  }

  private async connection(): Promise<pg.Client> {
    if (this.client !== null) return this.client;
    const keepaliveIdleS = Math.max(1, Math.round(this.leaseMs / 2000));
    const client = new pg.Client({
      connectionString: this.url,
      application_name: `baton-leader-lock ${this.nodeId}`.slice(0, 63),
      keepAlive: true,
      keepAliveInitialDelayMillis: keepaliveIdleS * 1000,
      // Every query on this connection (the election, the heartbeat, the applied id) ends within half a lease.
      query_timeout: Math.round(this.leaseMs / 2),
      // The server ends the session of a peer that stopped answering: keepalive probes and unacknowledged data.
      options: `-c tcp_keepalives_idle=${keepaliveIdleS} -c tcp_keepalives_interval=1 -c tcp_keepalives_count=3 -c tcp_user_timeout=${this.leaseMs}`,
    });
    const lost = (err: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.stopBeating();
      client.end().catch(() => undefined);
      if (this.leading !== null && !this.closed) {
        this.leading = null;
        this.onLost(err);
      }
    };
    this.lose = lost;
    client.on("error", lost);
    client.on("end", () => lost(new Error("the leader lock's connection ended")));
    await client.connect();
    this.client = client;
    return client;
  }

  /** Takes the lock if free, raising the epoch; null while another node holds it. */
  async tryAcquire(now: number): Promise<Leadership | null> {
    if (this.leading !== null) return this.leading;
    const client = await this.connection();
    const got = await client.query<{ locked: boolean }>("select pg_try_advisory_lock($1) as locked", [ROUTER_LOCK_KEY]);
    if (got.rows[0]?.locked !== true) {
      await this.endQuietHolder(client);
      return null;
    }
    const row = await client.query<{ epoch: string; last_applied_id: string }>(
      `insert into router_leader (id, epoch, node_id, elected_at) values (1, 1, $1, $2)
       on conflict (id) do update set epoch = router_leader.epoch + 1, node_id = excluded.node_id, elected_at = excluded.elected_at
       returning epoch, last_applied_id`,
      [this.nodeId, now],
    );
    const r = row.rows[0];
    if (r === undefined) throw new Error("router_leader returned no row");
    this.leading = { epoch: Number(r.epoch), lastAppliedId: r.last_applied_id };
    this.startBeating(client);
    return this.leading;
  }

  /** Set while connected: drops the connection and, if leading, tells onLost. */
  private lose: ((err: Error) => void) | null = null;

  /** The leader's heartbeat: a query every quarter lease on the lock's connection (its session's state_change moves). */
  private startBeating(client: pg.Client): void {
    this.stopBeating();
    let running = false;
    this.beating = setInterval(
      () => {
        if (running) return;
        running = true;
        client
          .query("select 1")
          .catch((err: unknown) => this.lose?.(new Error(`the leader lock's connection did not answer its heartbeat: ${(err as Error).message}`)))
          .finally(() => {
            running = false;
          });
      },
      Math.max(100, Math.round(this.leaseMs / 4)),
    );
    this.beating.unref();
  }

  private stopBeating(): void {
    if (this.beating !== null) clearInterval(this.beating);
    this.beating = null;
  }

  /**
   * The lock is held and we did not get it: if its session has been quiet longer than the lease
   * (its leader's host is gone, or it cannot reach this server), end that session so the lock
   * frees. A live leader queries every quarter lease and is never this quiet.
   */
  private async endQuietHolder(client: pg.Client): Promise<void> {
    const holder = await client.query<{ pid: number; quiet_ms: string }>(
      `select l.pid, floor(extract(epoch from clock_timestamp() - a.state_change) * 1000)::bigint as quiet_ms
         from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted and l.classid = $1::oid and l.objid = $2::oid and l.objsubid = 1`,
      [LOCK_CLASSID, LOCK_OBJID],
    );
    const row = holder.rows[0];
    if (row === undefined || Number(row.quiet_ms) <= this.leaseMs) return;
    await client.query("select pg_terminate_backend($1)", [row.pid]);
    this.onHolderEnded(row.pid, Number(row.quiet_ms));
  }

  /**
   * Records the last command applied (fenced: only while this node's epoch is the leader's).
   * False when a later leader exists: this node must stop.
   */
  async recordApplied(id: string): Promise<boolean> {
    const leading = this.leading;
    if (leading === null || this.client === null) return false;
    const r = await this.client.query("update router_leader set last_applied_id = $1 where id = 1 and epoch = $2", [id, leading.epoch]);
    return r.rowCount === 1;
  }

  /** Gives the lock up (a clean shutdown) and closes the connection. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopBeating();
    const client = this.client;
    this.client = null;
    this.leading = null;
    if (client === null) return;
    await client.query("select pg_advisory_unlock_all()").catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
