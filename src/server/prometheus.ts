import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Engine } from "../app/index.js";

/**
 * Prometheus metrics for /metrics: queue depth per rule, agents online and load, decisions,
 * breaches, latency. In a cluster only the router leader holds the router: the router's gauges
 * (queue depth, agents, load) are reported by the leader alone, and every node says whether it
 * leads (`baton_router_leader`), so a dashboard summing over nodes counts the queue once, and a
 * follower never reports an empty queue as if it were the truth.
 */
export function createPrometheus(
  engine: Engine,
  leads: () => boolean = () => true,
): { metrics: () => Promise<{ readonly contentType: string; readonly body: string }>; observeMessageSeconds: (s: number) => void } {
  const registry = new Registry();
  /** The router's gauges: on the leader only (an unlabelled gauge would otherwise say 0 on a follower). */
  const routerRegistry = new Registry();
  new Gauge({
    name: "baton_router_leader",
    help: "1 on the node that runs the router (the only node, or the cluster's leader), 0 on a follower",
    registers: [registry],
    collect() {
      this.set(leads() ? 1 : 0);
    },
  });
  new Gauge({
    name: "baton_queue_depth",
    help: "Chats waiting for an agent, per routing rule",
    labelNames: ["rule"],
    registers: [routerRegistry],
    collect() {
      this.reset();
      const byRule = new Map<string, number>();
      for (const r of engine.router.queuedRequests()) byRule.set(r.ruleId, (byRule.get(r.ruleId) ?? 0) + 1);
      for (const [rule, n] of byRule) this.set({ rule }, n);
    },
  });
  new Gauge({
    name: "baton_agents",
    help: "Agents by presence",
    labelNames: ["presence"],
    registers: [routerRegistry],
    collect() {
      this.reset();
      const counts = { online: 0, away: 0, offline: 0 };
      for (const a of engine.router.roster()) counts[a.presence]++;
      for (const [presence, n] of Object.entries(counts)) this.set({ presence }, n);
    },
  });
  new Gauge({
    name: "baton_agent_load_ratio",
    help: "Active chats over total cap of online agents",
    registers: [routerRegistry],
    collect() {
      this.reset();
      let active = 0;
      let cap = 0;
      for (const a of engine.router.roster()) {
        if (a.presence !== "online") continue;
        active += a.active.length;
        cap += a.cap;
      }
      this.set(cap === 0 ? 0 : active / cap);
    },
  });
  const decisions = new Counter({ name: "baton_routing_decisions_total", help: "Router effects carried out, by kind", labelNames: ["kind"], registers: [registry] });
  const breaches = new Counter({ name: "baton_sla_breaches_total", help: "SLA deadlines passed while waiting, by rule", labelNames: ["rule"], registers: [registry] });
  const latency = new Histogram({
    name: "baton_visitor_message_seconds",
    help: "Visitor message handling time, receipt to acknowledgement",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  engine.effectListeners.push((effects) => {
    for (const e of effects) {
      decisions.inc({ kind: e.kind });
      if (e.kind === "sla_breached") breaches.inc({ rule: e.ruleId });
    }
  });
  const botAttempts = new Counter({
    name: "baton_bot_delivery_attempts_total",
    help: "Deliveries of visitor messages to external bots, by bot and outcome (answered, later, failed)",
    labelNames: ["bot", "outcome"],
    registers: [registry],
  });
  engine.botDeliveries.listeners.push((bot, outcome) => botAttempts.inc({ bot, outcome }));
  // After every metric is registered: merge copies the registries' metrics as they are now.
  const whenLeading = Registry.merge([registry, routerRegistry]);
  return {
    metrics: async () => {
      const from = leads() ? whenLeading : registry;
      return { contentType: from.contentType, body: await from.metrics() };
    },
    observeMessageSeconds: (s) => latency.observe(s),
  };
}
