import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/** One router command on its way to the leader. `name` and `args` are the command table's (src/server/commands.ts). */
export interface CommandEnvelope {
  readonly requestId: string;
  readonly node: string;
  readonly name: string;
  readonly args: unknown;
}

/** The leader's answer, sent back to the node that asked: the frame's ack data, or its error. */
export type CommandReply =
  | { readonly ok: true; readonly data: unknown }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string; readonly details?: unknown } };

export interface CommandBusOptions {
  /** Sends commands (XADD) and replies (PUBLISH). */
  readonly redis: Redis;
  readonly keyPrefix: string;
  readonly nodeId: string;
  /** Commands kept in the stream (approximate trimming). */
  readonly maxLen: number;
  /** How long a node waits for the leader's reply before the client is told to retry (30 s: a failover is seconds). */
  readonly replyTimeoutMs?: number;
}

interface Pending {
  resolve(reply: CommandReply): void;
  timer: NodeJS.Timeout;
}

/**
 * Router commands from every node to the one leader, over a Redis stream: a follower appends
 * (XADD) and waits for the reply on its own channel; the leader reads the stream in order from
 * the last id it (or the leader before it) applied, so a command sent while no node leads, or
 * while the leader dies, is applied by the next one. Replies are PUB/SUB: a node that is gone
 * needs none.
 *
 * @example
 * const reply = await bus.send("agent:presence", { agentId, presence: "online" });
 */
export class RedisCommandBus {
  private readonly pending = new Map<string, Pending>();
  private subscriber: Redis | null = null;
  readonly stream: string;

  constructor(private readonly opts: CommandBusOptions) {
    this.stream = `${opts.keyPrefix}router:commands`;
  }

  private replyChannel(node: string): string {
    return `${this.opts.keyPrefix}router:reply:${node}`;
  }

  /** Subscribes to this node's reply channel (call once, before sending). */
  async start(): Promise<void> {
    const sub = this.opts.redis.duplicate();
    this.subscriber = sub;
    sub.on("message", (_channel: string, text: string) => {
      const { requestId, reply } = JSON.parse(text) as { requestId: string; reply: CommandReply };
      const p = this.pending.get(requestId);
      if (p === undefined) return; // answered already (a command applied again after a failover), or timed out
      this.pending.delete(requestId);
      clearTimeout(p.timer);
      p.resolve(reply);
    });
    await sub.subscribe(this.replyChannel(this.opts.nodeId));
  }

  /** Appends a command to the stream and resolves with the leader's reply (or `unavailable` after the timeout). */
  async send(name: string, args: unknown): Promise<CommandReply> {
    const requestId = randomUUID();
    const reply = new Promise<CommandReply>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        resolve({ ok: false, error: { code: "unavailable", message: "no router leader answered in time; try again" } });
      }, this.opts.replyTimeoutMs ?? 30_000);
      timer.unref();
      this.pending.set(requestId, { resolve, timer });
    });
    const envelope: CommandEnvelope = { requestId, node: this.opts.nodeId, name, args };
    await this.opts.redis.xadd(this.stream, "MAXLEN", "~", this.opts.maxLen, "*", "c", JSON.stringify(envelope));
    return reply;
  }

  /** The leader's answer to a node. */
  async reply(envelope: CommandEnvelope, reply: CommandReply): Promise<void> {
    await this.opts.redis.publish(this.replyChannel(envelope.node), JSON.stringify({ requestId: envelope.requestId, reply }));
  }

  /**
   * The leader's loop: reads commands after `fromId` in stream order and starts each at once (so
   * each takes its place in the leader's lanes in stream order; `apply` must call into them before
   * its first await), with at most `window` in flight. As the oldest ones finish, the id of the
   * last of the finished prefix goes to `record` (one call at a time): a command is recorded
   * applied only when every command before it has finished too. Runs until `stop()`.
   */
  consume(
    fromId: string,
    apply: (envelope: CommandEnvelope) => Promise<void>,
    record: (lastId: string) => Promise<void>,
    onError: (err: unknown) => void,
    window = 64,
  ): { stop(): Promise<void> } {
    const reader = this.opts.redis.duplicate();
    let running = true;
    let last = fromId;
    const inFlight: { id: string; done: boolean; finished: Promise<void> }[] = [];
    let recording: Promise<void> = Promise.resolve();
    let recorded = fromId;
    const advance = (): void => {
      let upTo: string | null = null;
      while (inFlight[0]?.done === true) upTo = (inFlight.shift() as { id: string }).id;
      if (upTo === null || upTo === recorded) return;
      const id = upTo;
      recorded = id;
      recording = recording.then(() => record(id)).catch(onError);
    };
    const loop = (async () => {
      while (running) {
        let batch: [string, [string, string[]][]][] | null;
        try {
          batch = (await reader.xread("COUNT", 100, "BLOCK", 500, "STREAMS", this.stream, last)) as [string, [string, string[]][]][] | null;
        } catch (err) {
          if (!running) return;
          onError(err);
          await new Promise((r) => setTimeout(r, 200));
          continue;
        }
        for (const [, entries] of batch ?? []) {
          for (const [id, fields] of entries) {
            if (!running) return;
            last = id;
            const text = fields[fields.indexOf("c") + 1];
            const item = { id, done: false, finished: Promise.resolve() };
            inFlight.push(item);
            item.finished = (text === undefined ? Promise.resolve() : apply(JSON.parse(text) as CommandEnvelope))
              .catch(onError)
              .then(() => {
                item.done = true;
                advance();
              });
            if (inFlight.length >= window) await inFlight[0]?.finished;
          }
        }
      }
    })();
    return {
      stop: async () => {
        running = false;
        reader.disconnect();
        await loop.catch(() => undefined);
        await Promise.all(inFlight.map((f) => f.finished));
        await recording;
      },
    };
  }

  async close(): Promise<void> {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, error: { code: "unavailable", message: "this node is shutting down; try again" } });
    }
    this.pending.clear();
    this.subscriber?.disconnect();
    this.subscriber = null;
  }
}
