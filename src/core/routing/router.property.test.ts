import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AgentProfile, EscalationStep, RoutingRequest } from "../model.js";
import { constraintsFor } from "./constraints.js";
import { failingLayer } from "./eligibility.js";
import { FastIndex } from "./fast-index.js";
import { createReferenceRouter, Router } from "./router.js";
import { agent, request } from "./routing.fixture.js";
import type { DueNotice, Effect, RouterEvent, RouterOptions, RouterSnapshot } from "./types.js";
import { type TranslationSupport, withPivots } from "../translation/pairs.js";

const T0 = 1_700_000_000_000;
const AGENT_IDS = ["a0", "a1", "a2", "a3", "a4", "a5"];
const CONV_IDS = Array.from({ length: 14 }, (_, i) => `c${i}`);

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs]);

const arbProfile = (id: string): fc.Arbitrary<AgentProfile> =>
  fc
    .record({
      skills: fc.uniqueArray(
        fc.record({ skill: fc.constantFrom("billing", "technical", "vip"), proficiency: fc.integer({ min: 1, max: 5 }) }),
        { selector: (s) => s.skill, maxLength: 3 },
      ),
      languages: fc.oneof(fc.constant(["en"]), subset(["en", "de", "pt"])),
      translationEnabled: fc.boolean(),
      senior: fc.boolean(),
      teams: subset(["billing", "support"]),
      cap: fc.integer({ min: 0, max: 3 }),
    })
    .map((p) => agent(id, p));

const arbStep: fc.Arbitrary<EscalationStep> = fc.record({
  afterSeconds: fc.integer({ min: 5, max: 120 }),
  action: fc.oneof(
    fc.constant({ kind: "relax_language" as const }),
    fc.constant({ kind: "relax_tier" as const }),
    fc.constantFrom("billing", "technical").map((skill) => ({ kind: "widen_skill" as const, skill })),
    fc.constantFrom("billing", "support").map((team) => ({ kind: "widen_team" as const, team })),
  ),
});

/** A request whose times are offsets; they are fixed to the clock when the event is applied. */
const arbRequest = fc.record({
  skills: fc.oneof(fc.constant([]), subset(["billing", "technical", "vip"]).map((s) => s.slice(0, 1))),
  team: fc.constantFrom(null, null, "billing", "support"),
  language: fc.constantFrom("en", "en", "de", "pt"),
  allowTranslation: fc.boolean(),
  tier: fc.constantFrom("any" as const, "senior" as const, "named_csm" as const),
  csmAgentId: fc.constantFrom(null, "a0", "a1"),
  priority: fc.constantFrom(0, 20, 100),
  slaSeconds: fc.constantFrom(30, 60, 120),
  escalation: fc.array(arbStep, { maxLength: 2 }).map((steps) => [...steps].sort((a, b) => a.afterSeconds - b.afterSeconds)),
  excludeAgentIds: subset(AGENT_IDS).map((s) => s.slice(0, 1)),
  targetAgentId: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...AGENT_IDS) }),
});
type ArbRequest = typeof arbRequest extends fc.Arbitrary<infer R> ? R : never;

type Step =
  | { kind: "upsert"; profile: AgentProfile }
  | { kind: "presence"; agentId: string; presence: "online" | "away" | "offline" }
  | { kind: "remove"; agentId: string }
  | { kind: "enqueue"; conv: string; req: ArbRequest }
  | { kind: "release"; conv: string }
  | { kind: "transfer"; conv: string; req: ArbRequest }
  | { kind: "accept" | "decline"; conv: string }
  | { kind: "take"; conv: string; agentId: string; by: "agent" | "admin" }
  | { kind: "answered"; conv: string }
  | { kind: "options"; options: RouterOptions }
  | { kind: "translation"; support: TranslationSupport | null }
  | { kind: "tick"; advance: number };

/** Router options; an admin may change them at any moment (a `set_options` event). */
const arbOptions: fc.Arbitrary<RouterOptions> = fc.record({
  offers: fc.record({ enabled: fc.boolean(), timeoutSeconds: fc.constantFrom(10, 30), declineCooloffSeconds: fc.constantFrom(0, 10, 30) }),
  onAway: fc.constantFrom("keep" as const, "requeue" as const),
  onOffline: fc.constantFrom("keep" as const, "requeue" as const),
  asyncOfferWithinSeconds: fc.constantFrom(0, 15, 30),
  unanswered: fc.constantFrom(null, { flagAfterSeconds: 20, reassignAfterSeconds: 40 }),
});

/** The translator's pairs (direct ones, pivots added) and health, or no translator at all. */
const arbSupport: fc.Arbitrary<TranslationSupport | null> = fc.oneof(
  fc.constant(null),
  fc.record({
    healthy: fc.boolean(),
    direct: subset(["en>de", "de>en", "en>pt", "pt>en", "de>pt"]),
  }).map(({ healthy, direct }) => ({ healthy, pairs: withPivots(direct.map((d) => ({ from: d.slice(0, 2), to: d.slice(3) }))) })),
);

const arbStepEvent: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("translation" as const), support: arbSupport }) },
  { weight: 3, arbitrary: fc.constantFrom(...AGENT_IDS).chain((id) => arbProfile(id).map((profile) => ({ kind: "upsert" as const, profile }))) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("presence" as const),
      agentId: fc.constantFrom(...AGENT_IDS),
      presence: fc.constantFrom("online" as const, "online" as const, "away" as const, "offline" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), agentId: fc.constantFrom(...AGENT_IDS) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("enqueue" as const), conv: fc.constantFrom(...CONV_IDS), req: arbRequest }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("release" as const), conv: fc.constantFrom(...CONV_IDS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("transfer" as const), conv: fc.constantFrom(...CONV_IDS), req: arbRequest }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom("accept" as const, "decline" as const, "decline" as const), conv: fc.constantFrom(...CONV_IDS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("options" as const), options: arbOptions }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("tick" as const), advance: fc.integer({ min: 0, max: 90_000 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("take" as const),
      conv: fc.constantFrom(...CONV_IDS),
      agentId: fc.constantFrom(...AGENT_IDS),
      by: fc.constantFrom("agent" as const, "admin" as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("answered" as const), conv: fc.constantFrom(...CONV_IDS) }) },
);

/** Most runs start with some agents in the roster, some of them online. */
const arbRoster: fc.Arbitrary<Step[]> = fc
  .tuple(...AGENT_IDS.map((id) => fc.tuple(arbProfile(id), fc.constantFrom("online" as const, "offline" as const))))
  .chain((agents) => fc.subarray(agents))
  .map((agents) =>
    agents.flatMap(([profile, presence]): Step[] => [
      { kind: "upsert", profile },
      { kind: "presence", agentId: profile.id, presence },
    ]),
  );


function toRequest(conv: string, r: ArbRequest, now: number): RoutingRequest {
  const { slaSeconds, ...rest } = r;
  return request(conv, now, { ...rest, slaDeadline: now + slaSeconds * 1000 });
}

function toEvent(s: Step, r: Router, now: number): RouterEvent {
  switch (s.kind) {
    case "upsert":
      return { kind: "agent_upsert", agent: s.profile };
    case "presence":
      return { kind: "agent_presence", agentId: s.agentId, presence: s.presence };
    case "remove":
      return { kind: "agent_remove", agentId: s.agentId };
    case "enqueue":
      return { kind: "enqueue", request: toRequest(s.conv, s.req, now) };
    case "release":
      return { kind: "release", conversationId: s.conv };
    case "transfer":
      return { kind: "transfer", request: toRequest(s.conv, s.req, now) };
    case "accept":
    case "decline":
      return {
        kind: s.kind === "accept" ? "offer_accept" : "offer_decline",
        conversationId: s.conv,
        agentId: r.agentOf(s.conv) ?? "a0",
      };
    case "options":
      return { kind: "set_options", options: s.options };
    case "translation":
      return { kind: "set_translation", support: s.support };
    case "tick":
      return { kind: "tick" };
    case "take":
      return { kind: "take", conversationId: s.conv, agentId: s.agentId, by: s.by };
    case "answered":
      return { kind: "answered", conversationId: s.conv };
  }
}

function applyOrError(r: Router, e: RouterEvent, now: number): Effect[] | string {
  try {
    return r.apply(e, now);
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
}

/** The invariants DESIGN.md promises, checked on the router's own snapshot. */
function checkInvariants(r: Router, live: ReadonlySet<string>, loadBefore: ReadonlyMap<string, number>): void {
  const snap = r.snapshot();
  const seen = new Map<string, number>();
  const count = (id: string) => seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const q of snap.queue) count(q.request.conversationId);
  for (const a of snap.assignments) count(a.conversationId);
  for (const o of snap.offers) count(o.conversationId);
  const head = r.queueHead(3);
  expect(head.map(({ position: _, ...q }) => q)).toEqual(snap.queue.slice(0, 3));
  for (const q of head) expect(q.position).toBe(r.positionOf(q.request.conversationId));
  const team = r.queueHead(2, (q) => q.team === "billing");
  expect(team.map(({ position: _, ...q }) => q)).toEqual(snap.queue.filter((q) => q.request.team === "billing").slice(0, 2));
  for (const q of team) expect(q.position).toBe(r.positionOf(q.request.conversationId));
  expect([...r.queuedRequests()].length).toBe(snap.queue.length);
  // Every conversation in routing is in exactly one place; none lost, none invented.
  expect([...seen.keys()].sort()).toEqual([...live].sort());
  for (const n of seen.values()) expect(n).toBe(1);
  for (const a of snap.agents) {
    // No agent is pushed past their cap (a lowered cap may leave them above it, never growing).
    if (a.active.length > a.cap) expect(a.active.length).toBeLessThanOrEqual(loadBefore.get(a.id) ?? 0);
    for (const id of a.active) expect(r.agentOf(id)).toBe(a.id);
  }
  // Work-conserving: no queued chat waits while an agent who may take it has a free slot.
  for (const q of snap.queue) {
    const c = constraintsFor(q.request, q.appliedSteps);
    for (const a of snap.agents) expect(failingLayer(a, c), `${q.request.conversationId} could go to ${a.id}`).not.toBeNull();
  }
}

/**
 * The effects of a tick that act on a due item, keyed like the notices of `Router.due`. Once a
 * tick has re-placed a chat (an escalation or an expired offer), later acts on it may come from
 * items that re-placement made, which `due` could not list, so they are not counted.
 */
function dueActs(effects: readonly Effect[]): string[] {
  const moved = new Set<string>();
  const out: string[] = [];
  for (const e of effects) {
    const kind =
      e.kind === "escalated"
        ? "escalate"
        : e.kind === "sla_breached"
          ? "sla_breach"
          : e.kind === "offer_expired"
            ? "offer_timeout"
            : e.kind === "async_offered"
              ? "async_offer"
              : e.kind === "unanswered"
                ? "unanswered"
                : null;
    if (kind === null || moved.has(e.conversationId)) continue;
    out.push(`${kind}:${e.conversationId}`);
    if (kind !== "sla_breach" && kind !== "async_offer" && !(e.kind === "unanswered" && e.stage === "flagged")) moved.add(e.conversationId);
  }
  return out;
}

const noticeKey = (n: DueNotice) => `${n.kind}:${n.conversationId}`;

/** Whether some online agent with a cap may take the chat now or after its escalation steps (computed from the snapshot alone). */
function hasLiveOption(q: RouterSnapshot["queue"][number], agents: RouterSnapshot["agents"]): boolean {
  const c = constraintsFor(q.request, q.request.escalation.length);
  return agents.some((a) => {
    const f = failingLayer(a, c);
    return a.cap > 0 && (f === null || f === "capacity");
  });
}

/**
 * The waiting guarantee, as a visitor would see it: the clock of a queued chat without a live
 * option starts when the test first sees it without one; by `within` seconds later its visitor
 * has been offered the async path (an `async_offered` effect), or, between ticks, the router
 * holds a due item that will offer it by then.
 */
class GuaranteeWatcher {
  private readonly since = new Map<string, number>();
  private readonly offered = new Set<string>();

  constructor(private readonly withinMs: number) {}

  check(r: Router, effects: readonly Effect[], now: number, ticked: boolean): void {
    for (const e of effects) if (e.kind === "async_offered") this.offered.add(e.conversationId);
    const snap = r.snapshot();
    const queued = new Set(snap.queue.map((q) => q.request.conversationId));
    for (const id of [...this.since.keys()]) if (!queued.has(id)) this.forget(id);
    for (const id of [...this.offered]) if (!queued.has(id)) this.forget(id);
    const pending = new Map<string, number>();
    for (const n of r.due(now + this.withinMs)) if (n.kind === "async_offer") pending.set(n.conversationId, Math.min(n.at, pending.get(n.conversationId) ?? n.at));
    for (const q of snap.queue) {
      const id = q.request.conversationId;
      const standing = r.standing(id, now);
      if (hasLiveOption(q, snap.agents)) {
        this.forget(id);
        expect(standing?.noLiveOptionSince, `${id} has a live option`).toBeNull();
        expect(standing?.slots, `${id}: the agents who could take it have slots`).toBeGreaterThan(0);
        continue;
      }
      const since = this.since.get(id) ?? now;
      this.since.set(id, since);
      expect(standing?.noLiveOptionSince, `${id} has had no live option since`).toBe(since);
      if (this.offered.has(id)) {
        expect(standing?.asyncOffered).toBe(true);
        continue;
      }
      const deadline = since + this.withinMs;
      if (ticked) expect(now, `${id} without a live option since ${since} was not offered the async path`).toBeLessThan(deadline);
      expect(pending.get(id), `${id}: no async offer due by ${deadline}`).toBeLessThanOrEqual(deadline);
    }
  }

  private forget(id: string): void {
    this.since.delete(id);
    this.offered.delete(id);
  }
}

/** `got` appears in `listed` in order (a tick may find items listed earlier no longer apply). */
function expectSubsequence(got: readonly string[], listed: readonly string[]): void {
  let i = 0;
  for (const g of got) {
    while (i < listed.length && listed[i] !== g) i++;
    expect(i, `${g} acted on but not listed by due(): ${listed.join(", ")}`).toBeLessThan(listed.length);
    i++;
  }
}

describe("router properties over random event sequences", () => {
  it("the fast index decides exactly as the reference scan, and the invariants hold after every event", () => {
    fc.assert(
      fc.property(arbOptions, fc.boolean(), arbRoster, fc.array(arbStepEvent, { minLength: 1, maxLength: 80 }), (options, tight, roster, rest) => {
        const steps: Step[] = [...roster, ...rest];
        // Half the runs make the index forget idle queue groups as soon as it may.
        const fast = new Router(options, new FastIndex(tight ? { spareShapes: 0 } : {}));
        const ref = createReferenceRouter(options);
        const live = new Set<string>();
        let now = T0;
        for (const s of steps) {
          if (s.kind === "tick") now += s.advance;
          else now += 1000;
          const loadBefore = new Map(fast.snapshot().agents.map((a) => [a.id, a.active.length]));
          const event = toEvent(s, fast, now);
          const listed = event.kind === "tick" ? fast.due(now) : [];
          const got = applyOrError(fast, event, now);
          if (event.kind === "tick" && typeof got !== "string") expectSubsequence(dueActs(got), listed.map(noticeKey));
          const want = applyOrError(ref, event, now);
          expect(got).toEqual(want);
          if (typeof got !== "string") {
            if (event.kind === "enqueue") live.add(event.request.conversationId);
            for (const e of got) if (e.kind === "released") live.delete(e.conversationId);
          }
          checkInvariants(fast, live, loadBefore);
          const snap = fast.snapshot();
          expect(snap).toEqual(ref.snapshot());
          // Capacity for the wait estimate: for every waiting chat, and for the event's request.
          const asked = snap.queue.map((q) => [q.request, q.appliedSteps] as const);
          if (event.kind === "enqueue" || event.kind === "transfer") asked.push([event.request, 0], [event.request, event.request.escalation.length]);
          for (const [req, k] of asked) expect(fast.capacityFor(req, k)).toEqual(ref.capacityFor(req, k));
        }
      }),
      { numRuns: 1000 },
    );
    // A thousand runs of up to 86 events each, every effect compared: slow on a shared two-core machine.
  }, 180_000);

  it("the waiting guarantee: every queued chat has a live option, or its visitor is offered the async path in time", () => {
    fc.assert(
      fc.property(arbOptions, arbRoster, fc.array(arbStepEvent, { minLength: 1, maxLength: 80 }), (options, roster, rest) => {
        const r = new Router(options, new FastIndex());
        const guarantee = new GuaranteeWatcher((options.asyncOfferWithinSeconds ?? 15) * 1000);
        let now = T0;
        // The grace stays as set: a live option change (set_options) is left to the other property.
        for (const s of [...roster, ...rest].filter((x) => x.kind !== "options")) {
          now += s.kind === "tick" ? s.advance : 1000;
          const got = applyOrError(r, toEvent(s, r, now), now);
          guarantee.check(r, typeof got === "string" ? [] : got, now, s.kind === "tick");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("escalation only widens: every agent eligible before a step is eligible after it", () => {
    fc.assert(
      fc.property(
        arbRequest,
        fc.array(arbStep, { minLength: 1, maxLength: 4 }),
        fc.array(arbProfile("x"), { minLength: 1, maxLength: 8 }),
        (r, steps, profiles) => {
          const req = toRequest("c", { ...r, escalation: steps }, T0);
          for (let k = 0; k < steps.length; k++) {
            const before = constraintsFor(req, k);
            const after = constraintsFor(req, k + 1);
            for (const p of profiles) {
              const a = { ...p, presence: "online" as const, active: [], idleSince: T0 };
              if (failingLayer(a, before) === null) expect(failingLayer(a, after)).toBeNull();
            }
          }
        },
      ),
    );
  });
});
