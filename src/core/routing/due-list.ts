import { IndexedHeap } from "./indexed-heap.js";

/** Something the router must do at a given time. Stale items are skipped when they come due. */
export type DueItem =
  | { readonly kind: "offer_timeout"; readonly at: number; readonly seq: number; readonly conversationId: string; readonly agentId: string }
  | { readonly kind: "escalate"; readonly at: number; readonly seq: number; readonly conversationId: string; readonly step: number }
  | { readonly kind: "sla"; readonly at: number; readonly seq: number; readonly conversationId: string };

type NewDueItem = DueItem extends infer D ? (D extends DueItem ? Omit<D, "seq"> : never) : never;

/** Deadlines held as data: the scheduler adapter asks for `nextAt()` and the router pops what is due. */
export class DueList {
  private seq = 0;
  private readonly heap = new IndexedHeap<DueItem>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));

  add(item: NewDueItem): void {
    this.heap.push({ ...item, seq: this.seq++ } as DueItem);
  }

  nextAt(): number | null {
    return this.heap.peek()?.at ?? null;
  }

  /** Removes and returns the earliest item due at or before `now`. */
  popDue(now: number): DueItem | null {
    const top = this.heap.peek();
    if (top === undefined || top.at > now) return null;
    this.heap.pop();
    return top;
  }

  get size(): number {
    return this.heap.size;
  }
}
