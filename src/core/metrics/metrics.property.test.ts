import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csatBySegment, csatDifference } from "./csat.js";
import { handoffAt } from "./handoff.fixture.js";
import { percentile } from "./percentile.js";
import { slaAttainment } from "./sla-attainment.js";

const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 });
const pct = fc.double({ min: 0, max: 100, noNaN: true });

describe("metric invariants", () => {
  it("percentiles are monotone in p and stay within [min, max]", () => {
    fc.assert(
      fc.property(values, pct, pct, (xs, p, q) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const a = percentile(xs, lo)!;
        const b = percentile(xs, hi)!;
        expect(a).toBeLessThanOrEqual(b);
        expect(a).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(b).toBeLessThanOrEqual(Math.max(...xs));
      }),
    );
  });

  it("SLA attainment is in [0, 1] and the outcomes add up to the total", () => {
    const handoff = fc.record({
      at: fc.integer({ min: 0, max: 1000 }),
      sla: fc.integer({ min: 0, max: 300 }),
      answerAfter: fc.option(fc.integer({ min: 0, max: 600 })),
      rule: fc.constantFrom("a", "b", "c"),
    });
    fc.assert(
      fc.property(fc.array(handoff, { maxLength: 40 }), fc.integer({ min: 0, max: 2000 }), (hs, now) => {
        const rows = slaAttainment(
          hs.map((h) =>
            handoffAt(h.at, {
              ruleId: h.rule,
              slaDeadline: (h.at + h.sla) * 1000,
              firstHumanAt: h.answerAfter === null ? null : (h.at + h.answerAfter) * 1000,
            }),
          ),
          now * 1000,
        );
        expect(rows.reduce((n, r) => n + r.total, 0)).toBe(hs.length);
        for (const r of rows) {
          expect(r.met + r.breached + r.pending).toBe(r.total);
          if (r.attainment !== null) {
            expect(r.attainment).toBeGreaterThanOrEqual(0);
            expect(r.attainment).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it("CSAT confidence intervals contain the mean (and the difference)", () => {
    const scores = fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 });
    fc.assert(
      fc.property(scores, scores, (post, human) => {
        const records = [
          ...post.map((score) => ({ score, segment: "post_handoff" as const })),
          ...human.map((score) => ({ score, segment: "human_only" as const })),
        ];
        for (const c of csatBySegment(records)) {
          expect(c.ci95 === null).toBe(c.count < 2);
          if (c.ci95 && c.mean !== null) {
            expect(c.ci95[0]).toBeLessThanOrEqual(c.mean);
            expect(c.ci95[1]).toBeGreaterThanOrEqual(c.mean);
          }
        }
        const d = csatDifference(post, human);
        if (d.ci95 && d.diff !== null) {
          expect(d.ci95[0]).toBeLessThanOrEqual(d.diff + 1e-12);
          expect(d.ci95[1]).toBeGreaterThanOrEqual(d.diff - 1e-12);
        }
      }),
    );
  });
});
