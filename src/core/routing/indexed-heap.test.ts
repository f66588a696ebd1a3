import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IndexedHeap } from "./indexed-heap.js";

interface Box {
  v: number;
  heapIndex: number;
}

describe("IndexedHeap", () => {
  it("pops in order after any mix of pushes, removals and key updates", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant("push" as const), v: fc.integer({ min: -50, max: 50 }) }),
            fc.record({ op: fc.constant("remove" as const), i: fc.nat() }),
            fc.record({ op: fc.constant("update" as const), i: fc.nat(), v: fc.integer({ min: -50, max: 50 }) }),
          ),
        ),
        (ops) => {
          const heap = new IndexedHeap<Box>((a, b) => a.v < b.v);
          const live: Box[] = [];
          for (const op of ops) {
            if (op.op === "push") {
              const b = { v: op.v, heapIndex: -1 };
              heap.push(b);
              live.push(b);
            } else if (live.length > 0) {
              const b = live[op.i % live.length] as Box;
              if (op.op === "remove") {
                expect(heap.remove(b)).toBe(true);
                live.splice(live.indexOf(b), 1);
              } else {
                b.v = op.v;
                heap.update(b);
              }
            }
            expect(heap.size).toBe(live.length);
          }
          const out: number[] = [];
          for (let b = heap.pop(); b !== undefined; b = heap.pop()) out.push(b.v);
          expect(out).toEqual(live.map((b) => b.v).sort((a, b) => a - b));
        },
      ),
    );
  });

  it("refuses the same item twice and ignores removing an absent one", () => {
    const heap = new IndexedHeap<Box>((a, b) => a.v < b.v);
    const b = { v: 1, heapIndex: -1 };
    heap.push(b);
    expect(() => heap.push(b)).toThrow();
    expect(heap.remove({ v: 1, heapIndex: 0 })).toBe(false);
    expect(heap.peek()).toBe(b);
  });
});
