/** Something the router must do at a given time. Stale items are skipped when they come due. */
export type DueItem =
  | { readonly kind: "offer_timeout"; readonly at: number; readonly seq: number; readonly conversationId: string; readonly agentId: string }
  | { readonly kind: "escalate"; readonly at: number; readonly seq: number; readonly conversationId: string; readonly step: number }
  | { readonly kind: "sla"; readonly at: number; readonly seq: number; readonly conversationId: string };

type NewDueItem = DueItem extends infer D ? (D extends DueItem ? Omit<D, "seq"> : never) : never;

function earlier(a: DueItem, b: DueItem): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/**
 * Deadlines held as data, in a plain binary heap ordered by time then insertion: the scheduler
 * adapter asks for `nextAt()` and the router pops what is due. Items are never removed early;
 * the router skips the ones that no longer apply.
 */
export class DueList {
  private seq = 0;
  private readonly heap: DueItem[] = [];

  add(item: NewDueItem): void {
    const heap = this.heap;
    const entry = { ...item, seq: this.seq++ } as DueItem;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as DueItem;
      if (!earlier(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  nextAt(): number | null {
    return this.heap[0]?.at ?? null;
  }

  /** Removes and returns the earliest item due at or before `now`. */
  popDue(now: number): DueItem | null {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined || top.at > now) return null;
    const last = heap.pop() as DueItem;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const child = r < n && earlier(heap[r] as DueItem, heap[l] as DueItem) ? r : l;
        const c = heap[child] as DueItem;
        if (!earlier(c, last)) break;
        heap[i] = c;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }

  get size(): number {
    return this.heap.length;
  }
}
