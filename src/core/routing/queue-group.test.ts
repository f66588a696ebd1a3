import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RoutingRequest } from "../model.js";
import { compareRequests } from "./order.js";
import { QueueGroup } from "./queue-group.js";
import { request } from "./routing.fixture.js";

interface Entry {
  request: RoutingRequest;
  heapIndex: number;
}

const T0 = 1_700_000_000_000;
const inQueueOrder = (xs: readonly Entry[]) => [...xs].sort((a, b) => compareRequests(a.request, b.request));

const arbOp = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("push" as const),
      priority: fc.constantFrom(0, 0, 0, 20),
      sla: fc.constantFrom(60, 60, 60, 30),
      /** Mostly in arrival order, sometimes late. */
      late: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }) }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("remove" as const), i: fc.nat(), head: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("repush" as const), i: fc.nat() }) },
);

describe("QueueGroup", () => {
  it("always offers the best chat and hands them out in queue order, whatever the mix of pushes and removals", () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 300 }), (ops) => {
        const group = new QueueGroup<Entry>();
        let live: Entry[] = [];
        const gone: Entry[] = [];
        let clock = 0;
        for (const [n, op] of ops.entries()) {
          if (op.op === "push") {
            clock++;
            const at = T0 + (clock - op.late) * 1000;
            const e = { request: request(`c${String(n).padStart(4, "0")}`, at, { priority: op.priority, slaDeadline: at + op.sla * 1000 }), heapIndex: -1 };
            group.push(e);
            live.push(e);
          } else if (op.op === "remove" && live.length > 0) {
            const e = op.head ? (inQueueOrder(live)[0] as Entry) : (live[op.i % live.length] as Entry);
            expect(group.remove(e)).toBe(true);
            expect(group.remove(e)).toBe(false);
            expect(group.has(e)).toBe(false);
            live = live.filter((x) => x !== e);
            gone.push(e);
          } else if (op.op === "repush" && gone.length > 0) {
            // An item that left may come back (the same object): its stale slot must not count twice.
            const e = gone.splice(op.i % gone.length, 1)[0] as Entry;
            group.push(e);
            live.push(e);
          }
          expect(group.size).toBe(live.length);
          expect(group.peek()).toBe(inQueueOrder(live)[0]);
          for (const e of live) expect(group.has(e)).toBe(true);
        }
        expect(new Set(group.values())).toEqual(new Set(live));
        const out: Entry[] = [];
        for (let e = group.peek(); e !== undefined; e = group.peek()) {
          group.remove(e);
          out.push(e);
        }
        expect(out).toEqual(inQueueOrder(live));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a long in-order queue in its run and drops the passed-over slots", () => {
    const group = new QueueGroup<Entry>();
    const entries = Array.from({ length: 5000 }, (_, i) => ({ request: request(`c${String(i).padStart(5, "0")}`, T0 + i), heapIndex: -1 }));
    for (const e of entries) group.push(e);
    for (const e of entries.slice(0, 4000)) {
      expect(group.peek()).toBe(e);
      group.remove(e);
    }
    expect(group.size).toBe(1000);
    expect([...group.values()]).toEqual(entries.slice(4000));
    expect(() => group.push(entries[4500] as Entry)).toThrow();
  });
});
