import { type Engine, idleBotChatsDue, inQueueOf, queueFor, refreshTranslation, resolveIdleBotChats, runDue, visitorStatus } from "../app/index.js";

/**
 * The only timers in Baton: asks the router what is due (escalations, offer timeouts, SLA
 * breaches) and runs it, resolves bot-answered chats gone quiet (`bot.resolveWhenIdleSeconds`), and sends queue positions and queue lists when the queue changed.
 */
export function startScheduler(engine: Engine, options: { dueEveryMs?: number; broadcastEveryMs?: number } = {}): () => void {
  const log = engine.deps.log;
  let broadcasting = false;
  const due = setInterval(() => {
    if (idleBotChatsDue(engine)) {
      engine.command(() => resolveIdleBotChats(engine)).catch((err: unknown) => log.error({ err }, "resolving idle bot chats failed"));
    }
    const next = engine.router.nextDue();
    if (next === null || next > engine.now()) return;
    engine.command(() => runDue(engine)).catch((err: unknown) => log.error({ err }, "running due router work failed"));
  }, options.dueEveryMs ?? 250);
  let idleRounds = 0;
  const broadcast = setInterval(() => {
    // Waits move with time too (an escalation step coming nearer): refresh every few rounds.
    idleRounds++;
    if (broadcasting || (!engine.queueDirty && idleRounds < 5)) return;
    idleRounds = 0;
    engine.queueDirty = false;
    broadcasting = true;
    broadcastQueue(engine)
      .catch((err: unknown) => log.error({ err }, "queue broadcast failed"))
      .finally(() => {
        broadcasting = false;
      });
  }, options.broadcastEveryMs ?? 1000);
  // The translator's health and pairs: routing counts translation agents only while it answers.
  const translation =
    engine.translation.translator === null
      ? null
      : setInterval(() => {
          refreshTranslation(engine).catch((err: unknown) => log.warn({ err }, "translator health check failed"));
        }, engine.config.translation.healthCheckSeconds * 1000);
  due.unref();
  broadcast.unref();
  translation?.unref();
  return () => {
    clearInterval(due);
    clearInterval(broadcast);
    if (translation !== null) clearInterval(translation);
  };
}

/**
 * Queue positions to waiting visitors (the first 200), when they changed materially (position,
 * wait bucket or async offer), and to each online agent the queue of their teams.
 */
export async function broadcastQueue(engine: Engine): Promise<void> {
  const { publisher, store } = engine.deps;
  // The queue's head is picked without sorting the whole queue; it serves positions and lists.
  const queued = engine.router.queueHead(200);
  const sent = engine.statusSent;
  const waiting = new Set<string>();
  for (const q of queued) {
    const c = await store.getConversation(q.request.conversationId);
    if (c === null) continue;
    waiting.add(c.id);
    const status = await visitorStatus(engine, c);
    const key = `${status.state}|${status.wait?.position ?? ""}|${status.wait?.bucket ?? ""}|${status.async?.mode ?? ""}|${status.async?.promisedBy ?? ""}`;
    if (sent.get(c.id) === key) continue;
    sent.set(c.id, key);
    publisher.publish({ kind: "conversation", conversationId: c.id }, "status", status);
  }
  for (const id of [...sent.keys()]) if (!waiting.has(id)) sent.delete(id);
  const all = await queueFor(engine, null, queued);
  const requests = new Map(queued.map((q) => [q.request.conversationId, q]));
  for (const a of engine.router.roster()) {
    if (a.presence === "offline") continue;
    const mine = all.filter((e) => {
      const q = requests.get(e.conversationId);
      return q !== undefined && inQueueOf(a, q.request, q.appliedSteps);
    });
    publisher.publish({ kind: "agent", agentId: a.id }, "queue", mine);
  }
}
