import { describe, expect, it } from "vitest";
import type { Effect } from "./types.js";
import { createReferenceRouter, createRouter, type Router } from "./router.js";
import { agent, request } from "./routing.fixture.js";
import type { AgentProfile } from "../model.js";
import { withPivots } from "../translation/pairs.js";

const T0 = 1_700_000_000_000;

/** Runs the same scenario on both indexes; every test checks both. */
const routers: [string, () => Router][] = [
  ["fast", () => createRouter()],
  ["reference", () => createReferenceRouter()],
];

function online(r: Router, profiles: AgentProfile[], at = T0): void {
  for (const p of profiles) {
    r.apply({ kind: "agent_upsert", agent: p }, at);
    r.apply({ kind: "agent_presence", agentId: p.id, presence: "online" }, at);
  }
}

const assigned = (effects: Effect[]) =>
  effects.flatMap((e) => (e.kind === "assign" ? [`${e.conversationId}->${e.agentId}`] : []));

describe.each(routers)("router (%s index)", (_name, make) => {
  it("filters by presence, skills, language, tier and capacity, and explains each layer", () => {
    const r = make();
    online(r, [
      agent("a-skill", { skills: [{ skill: "technical", proficiency: 5 }] }),
      agent("b-lang", { languages: ["de"] }),
      agent("c-ok", { senior: true }),
      agent("d-junior"),
    ]);
    r.apply({ kind: "agent_upsert", agent: agent("e-offline") }, T0);
    const effects = r.apply({ kind: "enqueue", request: request("c1", T0, { tier: "senior" }) }, T0);
    expect(assigned(effects)).toEqual(["c1->c-ok"]);
    const e = effects[0];
    if (e?.kind !== "assign") throw new Error("expected an assignment");
    expect(e.explanation.layers.map((l) => [l.layer, l.after])).toEqual([
      ["target", 5],
      ["presence", 4],
      ["excluded", 4],
      ["team", 4],
      ["skills", 3],
      ["language", 2],
      ["tier", 1],
      ["capacity", 1],
    ]);
    expect(e.explanation.reasons).toContain("c-ok is the only eligible agent with free capacity");
  });

  it("picks the named CSM, then proficiency, then load ratio, then longest idle, then id", () => {
    const r = make();
    online(r, [agent("p3", { cap: 4 }), agent("p5", { skills: [{ skill: "billing", proficiency: 5 }], cap: 1 })], T0);
    expect(assigned(r.apply({ kind: "enqueue", request: request("c1", T0) }, T0))).toEqual(["c1->p5"]);
    // p5 is full now: p3 is next.
    expect(assigned(r.apply({ kind: "enqueue", request: request("c2", T0) }, T0))).toEqual(["c2->p3"]);
    online(r, [agent("q3", { cap: 4 })], T0 + 1000);
    // p3 has 1/4, q3 has 0/4: lower load wins.
    expect(assigned(r.apply({ kind: "enqueue", request: request("c3", T0) }, T0 + 2000))).toEqual(["c3->q3"]);
    // Both 1/4 now; p3 was assigned earlier (idle longer).
    expect(assigned(r.apply({ kind: "enqueue", request: request("c4", T0) }, T0 + 3000))).toEqual(["c4->p3"]);
    // The named CSM wins even against lower load.
    const csm = r.apply({ kind: "enqueue", request: request("c5", T0, { csmAgentId: "p3" }) }, T0 + 4000);
    expect(assigned(csm)).toEqual(["c5->p3"]);
  });

  it("lets a non-senior named CSM take their customer's senior-tier chat when they come online", () => {
    const r = make();
    r.apply({ kind: "agent_upsert", agent: agent("csm") }, T0);
    online(r, [agent("senior", { senior: true, cap: 0 })]);
    r.apply({ kind: "enqueue", request: request("c1", T0, { tier: "senior", csmAgentId: "csm" }) }, T0);
    expect(assigned(r.apply({ kind: "agent_presence", agentId: "csm", presence: "online" }, T0 + 1))).toEqual(["c1->csm"]);
    r.apply({ kind: "enqueue", request: request("c2", T0, { tier: "named_csm", csmAgentId: "csm" }) }, T0 + 2);
    expect(r.agentOf("c2")).toBe("csm");
    const third = r.apply({ kind: "enqueue", request: request("c3", T0, { tier: "named_csm", csmAgentId: "csm" }) }, T0 + 3);
    expect(third).toMatchObject([{ kind: "queued" }]);
  });

  it("queues when everyone is at cap and never pushes past it; a freed slot takes the best queued chat", () => {
    const r = make();
    online(r, [agent("a", { cap: 3 })]);
    for (const id of ["c1", "c2", "c3"]) r.apply({ kind: "enqueue", request: request(id, T0) }, T0);
    const fourth = r.apply({ kind: "enqueue", request: request("c4", T0 + 10) }, T0 + 10);
    expect(fourth).toMatchObject([{ kind: "queued", conversationId: "c4" }]);
    expect(r.positionOf("c4")).toBe(1);
    const vip = r.apply({ kind: "enqueue", request: request("vip", T0 + 20, { priority: 100 }) }, T0 + 20);
    expect(vip).toMatchObject([{ kind: "queued", conversationId: "vip" }]);
    expect(r.positionOf("vip")).toBe(1);
    expect(r.positionOf("c4")).toBe(2);
    expect(r.agent("a")?.active).toHaveLength(3);
    const freed = r.apply({ kind: "release", conversationId: "c1" }, T0 + 30);
    expect(freed.map((e) => e.kind)).toEqual(["released", "assign"]);
    expect(assigned(freed)).toEqual(["vip->a"]);
    expect(r.stateOf("c4")).toBe("queued");
  });

  it("orders the queue by priority, then SLA deadline, then arrival", () => {
    const r = make();
    r.apply({ kind: "agent_upsert", agent: agent("a", { cap: 1 }) }, T0);
    r.apply({ kind: "enqueue", request: request("late-arrival", T0 + 5, { slaDeadline: T0 + 30_000 }) }, T0 + 5);
    r.apply({ kind: "enqueue", request: request("early", T0 + 1) }, T0 + 1);
    r.apply({ kind: "enqueue", request: request("early2", T0 + 2) }, T0 + 2);
    r.apply({ kind: "enqueue", request: request("upset", T0 + 9, { priority: 20 }) }, T0 + 9);
    expect(r.snapshot().queue.map((q) => q.request.conversationId)).toEqual(["upset", "late-arrival", "early", "early2"]);
    const on = r.apply({ kind: "agent_presence", agentId: "a", presence: "online" }, T0 + 10);
    expect(assigned(on)).toEqual(["upset->a"]);
  });

  it("escalates on time: relaxes the language to translation-enabled agents", () => {
    const r = make();
    online(r, [agent("t", { languages: ["en"], translationEnabled: true })]);
    const req = request("c1", T0, {
      language: "pt",
      escalation: [{ afterSeconds: 60, action: { kind: "relax_language" } }],
    });
    expect(r.apply({ kind: "enqueue", request: req }, T0)[0]?.kind).toBe("queued");
    expect(r.nextDue()).toBe(T0 + 60_000);
    expect(r.apply({ kind: "tick" }, T0 + 59_999)).toEqual([]);
    const due = r.apply({ kind: "tick" }, T0 + 60_000);
    expect(due.map((e) => e.kind)).toEqual(["escalated", "assign"]);
  });

  it("counts a translation agent only for languages the translator serves both ways, and only while it is healthy (issue 15)", () => {
    const r = make();
    online(r, [agent("t", { languages: ["en"], translationEnabled: true })]);
    const pairs = withPivots([
      { from: "es", to: "en" },
      { from: "en", to: "es" },
      { from: "pt", to: "es" },
    ]);
    r.apply({ kind: "set_translation", support: { healthy: true, pairs } }, T0);
    // Portuguese: pt → es → en exists, en → pt does not: not both ways.
    expect(r.apply({ kind: "enqueue", request: request("pt1", T0, { language: "pt", allowTranslation: true }) }, T0)[0]?.kind).toBe("queued");
    const es = r.apply({ kind: "enqueue", request: request("es1", T0, { language: "es", allowTranslation: true }) }, T0);
    expect(assigned(es)).toEqual(["es1->t"]);
    const pick = es[0];
    expect(pick?.kind === "assign" ? pick.explanation.reasons : []).toContain("via translation (spa→eng)");
    // The translator goes down: no new chat in Spanish for them; the one they hold stays.
    expect(r.apply({ kind: "set_translation", support: { healthy: false, pairs } }, T0 + 1)).toEqual([]);
    expect(r.apply({ kind: "enqueue", request: request("es2", T0, { language: "es", allowTranslation: true }) }, T0 + 2)[0]?.kind).toBe("queued");
    expect(r.agentOf("es1")).toBe("t");
    // It comes back: the waiting Spanish chat goes to them at once.
    expect(assigned(r.apply({ kind: "set_translation", support: { healthy: true, pairs } }, T0 + 3))).toEqual(["es2->t"]);
    expect(r.stateOf("pt1")).toBe("queued");
  });

  it("after an escalation each chat's own named CSM still wins, whichever chat escalated that way first", () => {
    const r = make();
    const translator = { languages: ["en"], translationEnabled: true, cap: 1 };
    online(r, [
      agent("a-csm", { ...translator, skills: [{ skill: "billing", proficiency: 1 }] }),
      agent("b-csm", { ...translator, skills: [{ skill: "billing", proficiency: 1 }] }),
      agent("c-expert", { ...translator, skills: [{ skill: "billing", proficiency: 5 }] }),
    ]);
    const german = { language: "de", escalation: [{ afterSeconds: 10, action: { kind: "relax_language" as const } }] };
    r.apply({ kind: "enqueue", request: request("c1", T0, { ...german, csmAgentId: "a-csm" }) }, T0);
    r.apply({ kind: "enqueue", request: request("c2", T0 + 1, { ...german, csmAgentId: "b-csm" }) }, T0 + 1);
    expect(r.queueLength).toBe(2);
    expect(assigned(r.apply({ kind: "tick" }, T0 + 10_001))).toEqual(["c1->a-csm", "c2->b-csm"]);
  });

  it("lists what is due without acting on it", () => {
    const r = make();
    const steps = [{ afterSeconds: 30, action: { kind: "relax_language" as const } }];
    r.apply({ kind: "enqueue", request: request("c1", T0, { language: "de", escalation: steps, slaDeadline: T0 + 60_000 }) }, T0);
    // Nobody is online: the visitor is to be offered the async path 15 s in (the waiting guarantee).
    expect(r.due(T0 + 29_999)).toEqual([{ kind: "async_offer", conversationId: "c1", at: T0 + 15_000 }]);
    const step = steps[0];
    expect(r.due(T0 + 60_000)).toEqual([
      { kind: "async_offer", conversationId: "c1", at: T0 + 15_000 },
      { kind: "escalate", conversationId: "c1", at: T0 + 30_000, step },
      { kind: "sla_breach", conversationId: "c1", at: T0 + 60_000, ruleId: "billing" },
    ]);
    expect(r.due(T0 + 60_000)).toHaveLength(3);
    const fx = r.apply({ kind: "tick" }, T0 + 60_000);
    expect(fx.map((e) => e.kind)).toEqual(["async_offered", "escalated", "queued", "sla_breached"]);
    expect(r.due(T0 + 60_000)).toEqual([]);
  });

  it("widens to an overflow team and reports an SLA breach once", () => {
    const r = make();
    online(r, [agent("overflow", { teams: ["general"] })]);
    const req = request("c1", T0, {
      team: "billing",
      slaDeadline: T0 + 30_000,
      escalation: [{ afterSeconds: 90, action: { kind: "widen_team", team: "general" } }],
    });
    r.apply({ kind: "enqueue", request: req }, T0);
    expect(r.apply({ kind: "tick" }, T0 + 30_000)).toMatchObject([{ kind: "sla_breached", conversationId: "c1" }]);
    expect(r.apply({ kind: "tick" }, T0 + 60_000)).toEqual([]);
    expect(assigned(r.apply({ kind: "tick" }, T0 + 90_000))).toEqual(["c1->overflow"]);
  });

  it("requeues an offline agent's chats ahead of later arrivals, and keeps them when away", () => {
    const r = make();
    online(r, [agent("a", { cap: 1 }), agent("b", { cap: 1 })]);
    r.apply({ kind: "enqueue", request: request("c1", T0) }, T0);
    r.apply({ kind: "enqueue", request: request("c2", T0 + 1) }, T0 + 1);
    r.apply({ kind: "enqueue", request: request("c3", T0 + 2) }, T0 + 2);
    expect(r.apply({ kind: "agent_presence", agentId: "b", presence: "away" }, T0 + 3)).toEqual([]);
    expect(r.agentOf("c2")).toBe("b");
    const off = r.apply({ kind: "agent_presence", agentId: "a", presence: "offline" }, T0 + 4);
    expect(off).toMatchObject([{ kind: "requeued", conversationId: "c1", reason: "agent_offline" }, { kind: "queued" }]);
    expect(r.snapshot().queue.map((q) => q.request.conversationId)).toEqual(["c1", "c3"]);
  });

  it("offers with a timeout: a decline or an expiry moves the chat on to the next agent", () => {
    const r = make === routers[0]?.[1]
      ? createRouter({ offers: { enabled: true, timeoutSeconds: 20 }, onAway: "keep", onOffline: "requeue" })
      : createReferenceRouter({ offers: { enabled: true, timeoutSeconds: 20 }, onAway: "keep", onOffline: "requeue" });
    online(r, [agent("a", { skills: [{ skill: "billing", proficiency: 5 }] }), agent("b")]);
    expect(r.apply({ kind: "enqueue", request: request("c1", T0) }, T0)).toMatchObject([
      { kind: "offer", agentId: "a", expiresAt: T0 + 20_000 },
    ]);
    expect(r.stateOf("c1")).toBe("offered");
    const declined = r.apply({ kind: "offer_decline", conversationId: "c1", agentId: "a" }, T0 + 1000);
    expect(declined).toMatchObject([{ kind: "requeued", reason: "declined" }, { kind: "offer", agentId: "b" }]);
    const expired = r.apply({ kind: "tick" }, T0 + 21_000);
    expect(expired.map((e) => e.kind)).toEqual(["offer_expired", "requeued", "queued"]);
    expect(() => r.apply({ kind: "offer_accept", conversationId: "c1", agentId: "b" }, T0 + 22_000)).toThrow(/no open offer/);
  });

  it("picks native speakers before translation-enabled agents, whoever has been idle longest (issue 10)", () => {
    const r = make();
    online(r, [agent("translator", { languages: ["en"], translationEnabled: true, skills: [{ skill: "billing", proficiency: 5 }] })], T0);
    online(r, [agent("native", { languages: ["en", "de"] })], T0 + 5000);
    const fx = r.apply({ kind: "enqueue", request: request("c1", T0, { language: "de", allowTranslation: true }) }, T0 + 6000);
    expect(assigned(fx)).toEqual(["c1->native"]);
    const e = fx[0];
    if (e?.kind !== "assign") throw new Error("expected an assignment");
    expect(e.explanation.reasons).toContain("native speaker of de, before agents who need machine translation");
    expect(e.explanation.summary).toContain("speaks de natively");
    // The translator still takes it when no native speaker is free.
    expect(assigned(r.apply({ kind: "enqueue", request: request("c2", T0, { language: "de", allowTranslation: true }) }, T0 + 7000))).toEqual(["c2->native"]);
    const third = r.apply({ kind: "enqueue", request: request("c3", T0, { language: "de", allowTranslation: true }) }, T0 + 8000);
    expect(assigned(third)).toEqual(["c3->translator"]);
    expect(third[0]?.kind === "assign" && third[0].explanation.summary).toContain("serves de through machine translation");
  });

  it("VIP: the named CSM, then seniors with the skill, and wider pools only after their step, narrowest first (issue 10)", () => {
    const r = make();
    const vip = (proficiency: number) => [{ skill: "vip", proficiency }];
    online(r, [
      agent("csm", { senior: true, skills: vip(4), cap: 1 }),
      agent("junior-vip", { skills: vip(5) }),
      agent("generalist", { skills: [{ skill: "general", proficiency: 5 }] }),
    ]);
    const vipRequest = (id: string, at: number) =>
      request(id, at, {
        skills: ["vip"],
        tier: "senior",
        csmAgentId: "csm",
        escalation: [
          { afterSeconds: 10, action: { kind: "relax_tier" } },
          { afterSeconds: 20, action: { kind: "widen_skill", skill: "general" } },
        ],
      });
    expect(assigned(r.apply({ kind: "enqueue", request: vipRequest("v1", T0) }, T0))).toEqual(["v1->csm"]);
    const queued = r.apply({ kind: "enqueue", request: vipRequest("v2", T0) }, T0);
    expect(queued).toMatchObject([{ kind: "queued" }]);
    expect(queued[0]?.kind === "queued" && queued[0].explanation.summary).toContain("the named CSM csm is at their cap (1/1)");
    online(r, [agent("senior-vip", { senior: true, skills: vip(2), cap: 1 })], T0 + 1000);
    expect(r.agentOf("v2")).toBe("senior-vip");
    // A third waits for a senior, then goes to the non-senior with the vip skill before the generalist.
    r.apply({ kind: "enqueue", request: vipRequest("v3", T0 + 2000) }, T0 + 2000);
    r.apply({ kind: "enqueue", request: vipRequest("v4", T0 + 2000) }, T0 + 2000);
    expect(r.stateOf("v3")).toBe("queued");
    expect(assigned(r.apply({ kind: "tick" }, T0 + 12_000))).toEqual(["v3->junior-vip", "v4->junior-vip"]);
    r.apply({ kind: "enqueue", request: vipRequest("v5", T0 + 13_000) }, T0 + 13_000);
    const wide = r.apply({ kind: "tick" }, T0 + 33_000);
    expect(assigned(wide)).toEqual(["v5->generalist"]);
  });

  it("a decline skips the agent for this round only: after the cool-off the chat is offered again (issue 10)", () => {
    const options = { offers: { enabled: true, timeoutSeconds: 20, declineCooloffSeconds: 15 }, onAway: "keep" as const, onOffline: "requeue" as const };
    const r = make === routers[0]?.[1] ? createRouter(options) : createReferenceRouter(options);
    online(r, [agent("a", { skills: [{ skill: "billing", proficiency: 5 }] }), agent("b")]);
    r.apply({ kind: "enqueue", request: request("c1", T0) }, T0);
    expect(r.apply({ kind: "offer_decline", conversationId: "c1", agentId: "a" }, T0 + 1000)).toMatchObject([{ kind: "requeued" }, { kind: "offer", agentId: "b" }]);
    expect(r.apply({ kind: "offer_decline", conversationId: "c1", agentId: "b" }, T0 + 2000)).toMatchObject([{ kind: "requeued" }, { kind: "queued" }]);
    expect(r.due(T0 + 16_000)).toEqual([{ kind: "cooloff_end", conversationId: "c1", at: T0 + 16_000, agentId: "a" }]);
    expect(r.apply({ kind: "tick" }, T0 + 16_000)).toMatchObject([{ kind: "offer", conversationId: "c1", agentId: "a" }]);
  });

  it("takes new options live: offers switched on apply to the next chat, open ones keep their expiry", () => {
    const r = make();
    online(r, [agent("a", { cap: 3 })]);
    expect(r.apply({ kind: "enqueue", request: request("c1", T0) }, T0)).toMatchObject([{ kind: "assign" }]);
    const on = { offers: { enabled: true, timeoutSeconds: 10 }, onAway: "requeue" as const, onOffline: "requeue" as const };
    expect(r.apply({ kind: "set_options", options: on }, T0 + 1)).toEqual([]);
    expect(r.options).toEqual(on);
    expect(r.apply({ kind: "enqueue", request: request("c2", T0 + 2) }, T0 + 2)).toMatchObject([{ kind: "offer", expiresAt: T0 + 10_002 }]);
    const away = r.apply({ kind: "agent_presence", agentId: "a", presence: "away" }, T0 + 3);
    expect(away.filter((e) => e.kind === "requeued").map((e) => e.conversationId)).toEqual(["c1", "c2"]);
  });

  it("transfers to a named agent with the context kept: only that agent may take it, the sender never", () => {
    const r = make();
    online(r, [agent("a"), agent("b"), agent("c")]);
    r.apply({ kind: "enqueue", request: request("c1", T0) }, T0);
    const from = r.agentOf("c1") as string;
    const to = from === "c" ? "b" : "c";
    const effects = r.apply(
      { kind: "transfer", request: request("c1", T0 + 5, { targetAgentId: to, excludeAgentIds: [from], skills: [] }) },
      T0 + 5,
    );
    expect(effects.map((e) => e.kind)).toEqual(["requeued", "assign"]);
    expect(effects[0]).toMatchObject({ fromAgentId: from, reason: "transferred" });
    expect(r.agentOf("c1")).toBe(to);
    expect(() => r.apply({ kind: "transfer", request: request("nope", T0) }, T0)).toThrow(/not being routed/);
  });

  it("a chat passed to a colleague by name is theirs to take until its release step; then the team's", () => {
    const r = make();
    online(r, [agent("a", { cap: 1 }), agent("b", { cap: 1 }), agent("c", { cap: 1 })]);
    r.apply({ kind: "agent_presence", agentId: "c", presence: "away" }, T0);
    // Passed to c (away) with a release to the team after 60 s; a and b are free.
    const pinned = request("c1", T0, { targetAgentId: "c", skills: [], escalation: [{ afterSeconds: 60, action: { kind: "release_target", team: null } }] });
    r.apply({ kind: "enqueue", request: pinned }, T0);
    expect(r.stateOf("c1")).toBe("queued");
    expect(() => r.apply({ kind: "take", conversationId: "c1", agentId: "a", by: "agent" }, T0 + 1)).toThrow(/passed to .* by name/);
    // An admin may still assign it by hand; here the release comes first and the router routes it.
    const released = r.apply({ kind: "tick" }, T0 + 60_000);
    expect(assigned(released)).toHaveLength(1);
    expect(["a", "b"]).toContain(r.agentOf("c1"));
  });

  it("refuses to route one conversation twice, and releases idempotently", () => {
    const r = make();
    r.apply({ kind: "enqueue", request: request("c1", T0) }, T0);
    expect(() => r.apply({ kind: "enqueue", request: request("c1", T0) }, T0)).toThrow(/already being routed/);
    expect(r.apply({ kind: "release", conversationId: "c1" }, T0)).toMatchObject([{ kind: "released", agentId: null }]);
    expect(r.apply({ kind: "release", conversationId: "c1" }, T0)).toEqual([]);
  });

  it("rebuilds from a snapshot and loses nothing", () => {
    const r = make();
    online(r, [agent("a", { cap: 1 })]);
    r.apply({ kind: "enqueue", request: request("c1", T0) }, T0);
    r.apply({ kind: "enqueue", request: request("c2", T0 + 1) }, T0 + 1);
    const snap = r.snapshot();
    const again = make();
    expect(again.restore(snap, T0 + 2)).toEqual([]);
    expect(again.snapshot()).toEqual(snap);
    expect(assigned(again.apply({ kind: "release", conversationId: "c1" }, T0 + 3))).toEqual(["c2->a"]);
  });
});
