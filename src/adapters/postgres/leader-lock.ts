import pg from "pg";

/** Baton's advisory lock key for the router leader (any fixed 64-bit number; "baton" in ASCII). */
export const ROUTER_LOCK_KEY = 0x6261746f6e;

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
 * @example
 * const lock = new LeaderLock(url, "node-a", () => process.exit(70));
 * const won = await lock.tryAcquire(Date.now()); // null while another node leads
 */
export class LeaderLock {
  private client: pg.Client | null = null;
  private leading: Leadership | null = null;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly nodeId: string,
    private readonly onLost: (err: Error) => void,
  ) {}

  get leadership(): Leadership | null {
    return this.leading;
  }

  private async connection(): Promise<pg.Client> {
    if (this.client !== null) return this.client;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    const lost = (err: Error) => {
      if (this.client !== client) return;
      this.client = null;
      if (this.leading !== null && !this.closed) {
        this.leading = null;
        this.onLost(err);
      }
    };
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
    if (got.rows[0]?.locked !== true) return null;
    const row = await client.query<{ epoch: string; last_applied_id: string }>(
      `insert into router_leader (id, epoch, node_id, elected_at) values (1, 1, $1, $2)
       on conflict (id) do update set epoch = router_leader.epoch + 1, node_id = excluded.node_id, elected_at = excluded.elected_at
       returning epoch, last_applied_id`,
      [this.nodeId, now],
    );
    const r = row.rows[0];
    if (r === undefined) throw new Error("router_leader returned no row");
    this.leading = { epoch: Number(r.epoch), lastAppliedId: r.last_applied_id };
    return this.leading;
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
    const client = this.client;
    this.client = null;
    this.leading = null;
    if (client === null) return;
    await client.query("select pg_advisory_unlock_all()").catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
