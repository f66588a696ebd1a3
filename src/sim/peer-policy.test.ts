import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Effect } from "../core/routing/index.js";
import { agent, request } from "../core/routing/routing.fixture.js";
import { LeastBusyPolicy } from "./least-busy-policy.js";
import { RoundRobinPolicy } from "./round-robin-policy.js";

const T = 1_700_000_000_000;
const assigned = (effects: readonly Effect[]) => effects.flatMap((e) => (e.kind === "assign" ? [`${e.conversationId}->${e.agentId}`] : []));

function withAgents<P extends RoundRobinPolicy | LeastBusyPolicy>(p: P, specs: [string, number][]): P {
  for (const [id, cap] of specs) {
    p.apply({ kind: "agent_upsert", agent: agent(id, { cap, skills: [] }) }, T);
    p.apply({ kind: "agent_presence", agentId: id, presence: "online" }, T);
  }
  return p;
}

describe("round-robin (Chatwoot's auto-assignment)", () => {
  it("hands chats to the next online agent in rotation, skipping full and offline agents, ignoring skills", () => {
    const p = withAgents(new RoundRobinPolicy(), [
      ["a", 2],
      ["b", 1],
      ["c", 2],
    ]);
    const got = ["c1", "c2", "c3", "c4"].flatMap((id) => assigned(p.apply({ kind: "enqueue", request: request(id, T, { skills: ["nobody-has-this"] }) }, T)));
    // a, b, c, then b is full: a again.
    expect(got).toEqual(["c1->a", "c2->b", "c3->c", "c4->a"]);
    p.apply({ kind: "agent_presence", agentId: "c", presence: "offline" }, T);
    expect(assigned(p.apply({ kind: "enqueue", request: request("c5", T) }, T))).toEqual([]);
  });
});

describe("least-busy (Rocket.Chat's Load Balancing)", () => {
  it("hands each chat to the online agent with the fewest open chats, ties to roster order", () => {
    const p = withAgents(new LeastBusyPolicy(), [
      ["a", 3],
      ["b", 3],
    ]);
    const got = ["c1", "c2", "c3"].flatMap((id) => assigned(p.apply({ kind: "enqueue", request: request(id, T) }, T)));
    expect(got).toEqual(["c1->a", "c2->b", "c3->a"]);
    p.apply({ kind: "release", conversationId: "c1" }, T);
    p.apply({ kind: "release", conversationId: "c3" }, T);
    // a has 0, b has 1.
    expect(assigned(p.apply({ kind: "enqueue", request: request("c4", T) }, T))).toEqual(["c4->a"]);
  });
});

describe.each([
  ["round-robin", () => new RoundRobinPolicy()],
  ["least-busy", () => new LeastBusyPolicy()],
])("%s queue", (_name, make) => {
  it("queues FIFO when everyone is full, and a freed slot takes the oldest waiting chat", () => {
    const p = withAgents(make(), [["a", 1]]);
    p.apply({ kind: "enqueue", request: request("c1", T) }, T);
    expect(p.apply({ kind: "enqueue", request: request("c2", T, { priority: 0 }) }, T)).toMatchObject([{ kind: "queued" }]);
    // A VIP does not jump the FIFO queue in the peers.
    expect(p.apply({ kind: "enqueue", request: request("vip", T, { priority: 100 }) }, T)).toMatchObject([{ kind: "queued" }]);
    expect(p.apply({ kind: "release", conversationId: "c2" }, T)).toEqual([{ kind: "released", conversationId: "c2", agentId: null }]);
    expect(assigned(p.apply({ kind: "release", conversationId: "c1" }, T))).toEqual(["vip->a"]);
  });

  it("never exceeds a cap and never leaves a chat waiting while someone online has a free slot", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.oneof(fc.constant("enqueue" as const), fc.integer({ min: 0, max: 40 })), { maxLength: 60 }),
        (caps, ops) => {
          const p = withAgents(
            make(),
            caps.map((c, i): [string, number] => [`a${i}`, c]),
          );
          const holder = new Map<string, string>();
          const waiting = new Set<string>();
          let n = 0;
          for (const op of ops) {
            const effects = op === "enqueue" ? p.apply({ kind: "enqueue", request: request(`c${n++}`, T) }, T) : p.apply({ kind: "release", conversationId: `c${op}` }, T);
            for (const e of effects) {
              if (e.kind === "assign") {
                holder.set(e.conversationId, e.agentId);
                waiting.delete(e.conversationId);
              }
              if (e.kind === "queued") waiting.add(e.conversationId);
              if (e.kind === "released") {
                holder.delete(e.conversationId);
                waiting.delete(e.conversationId);
              }
            }
            caps.forEach((cap, i) => {
              const load = [...holder.values()].filter((a) => a === `a${i}`).length;
              expect(load).toBeLessThanOrEqual(cap);
              if (waiting.size > 0) expect(load).toBe(cap);
            });
          }
        },
      ),
    );
  });

  it("refuses what the peers do not model", () => {
    expect(() => make().apply({ kind: "transfer", request: request("c1", T) }, T)).toThrow(/do not model "transfer"/);
  });
});
