import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DueList } from "./due-list.js";

describe("DueList", () => {
  it("hands items out in (time, insertion) order, only once due, whatever the order of adds and pops", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ add: fc.integer({ min: 0, max: 10_000 }) }), fc.record({ pop: fc.integer({ min: 0, max: 10_000 }) }))),
        (ops) => {
          const due = new DueList<{ at: number; conversationId: string }>();
          const model: { at: number; seq: number }[] = [];
          let seq = 0;
          for (const op of ops) {
            if ("add" in op) {
              due.add({ at: op.add, conversationId: `c${seq}` });
              model.push({ at: op.add, seq: seq++ });
              continue;
            }
            model.sort((a, b) => a.at - b.at || a.seq - b.seq);
            const peeked = due.peekDue(op.pop).map((d) => Number(d.conversationId.slice(1)));
            expect(peeked).toEqual(model.filter((m) => m.at <= op.pop).map((m) => m.seq));
            for (;;) {
              const got = due.popDue(op.pop);
              const want = model[0] !== undefined && model[0].at <= op.pop ? model.shift() : undefined;
              expect(got === null ? undefined : { at: got.at, seq: Number(got.conversationId.slice(1)) }).toEqual(want);
              if (got === null) break;
            }
            expect(due.nextAt()).toBe(model[0]?.at ?? null);
          }
          expect(due.size).toBe(model.length);
        },
      ),
    );
  });
});
