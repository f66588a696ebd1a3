/** A timed simulation event; `seq` keeps equal times in the order they were scheduled. */
export interface TimedEvent<K extends string = string> {
  readonly at: number;
  readonly seq: number;
  readonly kind: K;
  /** Arrival or agent index, by kind. */
  readonly ref: number;
  /** Invalidates stale events (a completion after a requeue). */
  readonly token: number;
}

/** Binary min-heap on (at, seq): virtual time, no timers. */
export class EventHeap<K extends string = string> {
  private readonly items: TimedEvent<K>[] = [];
  private seq = 0;

  get size(): number {
    return this.items.length;
  }

  push(at: number, kind: K, ref: number, token = 0): void {
    const items = this.items;
    const e: TimedEvent<K> = { at, seq: this.seq++, kind, ref, token };
    let i = items.length;
    items.push(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = items[p]!;
      if (!before(e, parent)) break;
      items[i] = parent;
      i = p;
    }
    items[i] = e;
  }

  peek(): TimedEvent<K> | undefined {
    return this.items[0];
  }

  pop(): TimedEvent<K> | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    const n = items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(items[r]!, items[l]!) ? r : l;
      if (!before(items[c]!, last)) break;
      items[i] = items[c]!;
      i = c;
    }
    items[i] = last;
    return top;
  }
}

function before(a: TimedEvent, b: TimedEvent): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
