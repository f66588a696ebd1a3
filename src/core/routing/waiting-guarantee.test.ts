import { describe, expect, it } from "vitest";
import type { AgentProfile } from "../model.js";
import { createReferenceRouter, createRouter, type Router } from "./router.js";
import { agent, request } from "./routing.fixture.js";
import type { Effect, RouterOptions } from "./types.js";

const T0 = 1_700_000_000_000;
const OPTIONS: RouterOptions = { offers: { enabled: false, timeoutSeconds: 30 }, onAway: "keep", onOffline: "requeue", asyncOfferWithinSeconds: 15 };
const OFFERS: RouterOptions = { ...OPTIONS, offers: { enabled: true, timeoutSeconds: 30 } };

const routers: [string, (o: RouterOptions) => Router][] = [
  ["fast", (o) => createRouter(o)],
  ["reference", (o) => createReferenceRouter(o)],
];

function online(r: Router, profiles: AgentProfile[], at = T0): void {
  for (const p of profiles) {
    r.apply({ kind: "agent_upsert", agent: p }, at);
    r.apply({ kind: "agent_presence", agentId: p.id, presence: "online" }, at);
  }
}

const offered = (effects: Effect[]) => effects.flatMap((e) => (e.kind === "async_offered" ? [e.conversationId] : []));

describe.each(routers)("the waiting guarantee (%s index)", (_name, make) => {
  it("offers the async path 15 s after the last eligible agent goes offline, and only once", () => {
    const r = make(OPTIONS);
    online(r, [agent("maria", { cap: 3 })]);
    for (let i = 1; i <= 4; i++) r.apply({ kind: "enqueue", request: request(`c${i}`, T0 + i) }, T0 + i);
    expect(r.stateOf("c4")).toBe("queued");
    const gone = r.apply({ kind: "agent_presence", agentId: "maria", presence: "offline" }, T0 + 100);
    expect(gone.filter((e) => e.kind === "requeued")).toHaveLength(3);
    expect(r.standing("c1", T0 + 100)).toMatchObject({ noLiveOptionSince: T0 + 100, asyncOffered: false, online: 0 });
    expect(r.due(T0 + 15_100).filter((n) => n.kind === "async_offer")).toHaveLength(4);
    expect(offered(r.apply({ kind: "tick" }, T0 + 15_099))).toEqual([]);
    expect(offered(r.apply({ kind: "tick" }, T0 + 15_100)).sort()).toEqual(["c1", "c2", "c3", "c4"]);
    expect(r.standing("c4", T0 + 15_100)).toMatchObject({ asyncOffered: true });
    expect(offered(r.apply({ kind: "tick" }, T0 + 99_000))).toEqual([]);
    // Someone comes: the chats are picked up, nothing more is offered.
    const back = r.apply({ kind: "agent_presence", agentId: "maria", presence: "online" }, T0 + 100_000);
    expect(back.filter((e) => e.kind === "assign")).toHaveLength(3);
    expect(r.standing("c4", T0 + 100_000)).toMatchObject({ noLiveOptionSince: null, asyncOffered: false, position: 1 });
  });

  it("does not offer when a live option comes back within the grace", () => {
    const r = make(OPTIONS);
    online(r, [agent("maria", { cap: 1 })]);
    r.apply({ kind: "enqueue", request: request("c1", T0) }, T0);
    r.apply({ kind: "enqueue", request: request("c2", T0) }, T0);
    r.apply({ kind: "agent_presence", agentId: "maria", presence: "away" }, T0 + 1000);
    r.apply({ kind: "agent_presence", agentId: "maria", presence: "online" }, T0 + 5000);
    expect(offered(r.apply({ kind: "tick" }, T0 + 60_000))).toEqual([]);
  });

  it("counts an agent reached only by a later escalation step as a live option, with the time to that step", () => {
    const r = make(OPTIONS);
    online(r, [agent("kenji", { teams: ["support"], skills: [{ skill: "general", proficiency: 4 }], cap: 4 })]);
    const req = request("c1", T0, { team: "billing", escalation: [{ afterSeconds: 90, action: { kind: "widen_team", team: "support" } }] });
    r.apply({ kind: "enqueue", request: { ...req, skills: [] } }, T0);
    expect(r.standing("c1", T0 + 10_000)).toMatchObject({ online: 1, slots: 4, free: 4, stepInMs: 80_000, noLiveOptionSince: null, position: 1 });
    expect(offered(r.apply({ kind: "tick" }, T0 + 30_000))).toEqual([]);
  });

  it("offers after everyone declined while they stay online and free", () => {
    const r = make(OFFERS);
    online(r, [agent("maria", { cap: 3 }), agent("tom", { cap: 3 })]);
    r.apply({ kind: "enqueue", request: request("c1", T0) }, T0);
    const first = r.agentOf("c1") as string;
    r.apply({ kind: "offer_decline", conversationId: "c1", agentId: first }, T0 + 1000);
    const second = r.agentOf("c1") as string;
    expect(second).not.toBe(first);
    r.apply({ kind: "offer_decline", conversationId: "c1", agentId: second }, T0 + 2000);
    expect(r.stateOf("c1")).toBe("queued");
    expect(offered(r.apply({ kind: "tick" }, T0 + 16_999))).toEqual([]);
    expect(offered(r.apply({ kind: "tick" }, T0 + 17_000))).toEqual(["c1"]);
  });

  it("holds a chat transferred to an offline agent to the guarantee too", () => {
    const r = make(OPTIONS);
    online(r, [agent("maria", { cap: 3 })]);
    r.apply({ kind: "agent_upsert", agent: agent("ana") }, T0);
    r.apply({ kind: "enqueue", request: request("c1", T0) }, T0);
    r.apply({ kind: "transfer", request: request("c1", T0 + 1000, { targetAgentId: "ana", excludeAgentIds: ["maria"] }) }, T0 + 1000);
    expect(r.stateOf("c1")).toBe("queued");
    expect(offered(r.apply({ kind: "tick" }, T0 + 16_000))).toEqual(["c1"]);
  });

  it("counts the chats ahead for the same agents, whatever their queue group", () => {
    const r = make(OPTIONS);
    online(r, [agent("maria", { cap: 1, skills: [{ skill: "billing", proficiency: 5 }, { skill: "vip", proficiency: 4 }] })]);
    r.apply({ kind: "enqueue", request: request("busy", T0) }, T0);
    r.apply({ kind: "enqueue", request: request("standard", T0 + 1, { priority: 50 }) }, T0 + 1);
    r.apply({ kind: "enqueue", request: request("vip", T0 + 2, { priority: 100, skills: ["vip"] }) }, T0 + 2);
    // Another group no agent of the standard chat serves does not count.
    r.apply({ kind: "enqueue", request: request("tech", T0 + 3, { priority: 100, skills: ["technical"] }) }, T0 + 3);
    expect(r.positionOf("standard")).toBe(1);
    expect(r.standing("standard", T0 + 4)).toMatchObject({ position: 2, online: 1, slots: 1, free: 0 });
    expect(r.standing("vip", T0 + 4)).toMatchObject({ position: 1 });
  });
});

describe.each(routers)("taking a queued chat by hand (%s index)", (_name, make) => {
  it("an idle agent eligible after an escalation step takes it at once; the explanation says so", () => {
    const r = make(OPTIONS);
    online(r, [agent("claire", { teams: ["support"], cap: 2 })]);
    const req = request("c1", T0, { team: "billing", escalation: [{ afterSeconds: 90, action: { kind: "widen_team", team: "support" } }] });
    r.apply({ kind: "enqueue", request: req }, T0);
    expect(r.stateOf("c1")).toBe("queued");
    const fx = r.apply({ kind: "take", conversationId: "c1", agentId: "claire", by: "agent" }, T0 + 5000);
    expect(fx).toEqual([{ kind: "assign", conversationId: "c1", agentId: "claire", explanation: { summary: "taken by hand by claire", layers: [], reasons: ["taken by hand"] } }]);
    expect(r.agent("claire")?.active).toEqual(["c1"]);
  });

  it("refuses an ineligible agent, one at cap, and a chat not in the queue, changing nothing", () => {
    const r = make(OPTIONS);
    online(r, [agent("tech", { skills: [{ skill: "technical", proficiency: 5 }], cap: 1 }), agent("full", { cap: 0 })]);
    r.apply({ kind: "enqueue", request: request("c1", T0) }, T0);
    expect(() => r.apply({ kind: "take", conversationId: "c1", agentId: "tech", by: "agent" }, T0)).toThrow(/may not take/);
    expect(() => r.apply({ kind: "take", conversationId: "c1", agentId: "full", by: "admin" }, T0)).toThrow(/at their cap/);
    expect(() => r.apply({ kind: "take", conversationId: "nope", agentId: "tech", by: "admin" }, T0)).toThrow(/not waiting/);
    expect(r.stateOf("c1")).toBe("queued");
    // An admin may assign it to any agent below cap.
    expect(r.apply({ kind: "take", conversationId: "c1", agentId: "tech", by: "admin" }, T0)).toMatchObject([{ kind: "assign", agentId: "tech", explanation: { reasons: ["assigned by an admin"] } }]);
  });
});
