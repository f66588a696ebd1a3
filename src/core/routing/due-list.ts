/** Something to do at a given time (epoch ms). */
export interface Timed {
  readonly at: number;
}

/** Width of one bucket of the calendar queue. */
const BUCKET_MS = 1000;

interface Bucket<T extends Timed> {
  readonly items: T[];
  /** Items before `next` have been handed out. */
  next: number;
  /** Whether items from `next` on are in time order (ties in insertion order). */
  sorted: boolean;
}

/** Array sort is stable, so items due at the same time keep their insertion order. */
const byTime = (a: Timed, b: Timed): number => a.at - b.at;

/**
 * Deadlines held as data: the scheduler adapter asks for `nextAt()` and the router pops what
 * is due, in (time, insertion) order. A calendar queue: items go into one-second buckets (an
 * append), a small heap orders the bucket keys, and a bucket is sorted once when it comes up.
 * Items are never removed early; the router skips the ones that no longer apply.
 */
export class DueList<T extends Timed> {
  private count = 0;
  private readonly buckets = new Map<number, Bucket<T>>();
  /** Min-heap of bucket keys. */
  private readonly keys: number[] = [];

  add(entry: T): void {
    const key = Math.floor(entry.at / BUCKET_MS);
    let b = this.buckets.get(key);
    if (b === undefined) {
      b = { items: [], next: 0, sorted: true };
      this.buckets.set(key, b);
      this.pushKey(key);
    }
    const last = b.items[b.items.length - 1];
    if (b.sorted && last !== undefined && b.items.length > b.next && last.at > entry.at) b.sorted = false;
    b.items.push(entry);
    this.count++;
  }

  nextAt(): number | null {
    const b = this.head();
    return b === null ? null : (b.items[b.next] as T).at;
  }

  /** Removes and returns the earliest item due at or before `now`. */
  popDue(now: number): T | null {
    const b = this.head();
    if (b === null) return null;
    const item = b.items[b.next] as T;
    if (item.at > now) return null;
    b.next++;
    this.count--;
    if (b.next === b.items.length) {
      this.buckets.delete(this.keys[0] as number);
      this.popKey();
    }
    return item;
  }

  get size(): number {
    return this.count;
  }

  /** The items due at or before `now`, in the order `popDue` would hand them out, left in place. */
  peekDue(now: number): T[] {
    const last = Math.floor(now / BUCKET_MS);
    const keys = this.keys.filter((k) => k <= last).sort((a, b) => a - b);
    const out: T[] = [];
    for (const key of keys) {
      const b = this.buckets.get(key) as Bucket<T>;
      const pending = b.items.slice(b.next);
      if (!b.sorted) pending.sort(byTime);
      for (const item of pending) if (item.at <= now) out.push(item);
    }
    return out;
  }

  /** The earliest bucket, sorted from its cursor on; null when empty. */
  private head(): Bucket<T> | null {
    const key = this.keys[0];
    if (key === undefined) return null;
    const b = this.buckets.get(key) as Bucket<T>;
    if (!b.sorted) {
      const rest = b.items.splice(b.next).sort(byTime);
      b.items.push(...rest);
      b.sorted = true;
    }
    return b;
  }

  private pushKey(key: number): void {
    const h = this.keys;
    let i = h.length;
    h.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent] as number;
      if (p <= key) break;
      h[i] = p;
      i = parent;
    }
    h[i] = key;
  }

  private popKey(): void {
    const h = this.keys;
    const last = h.pop() as number;
    const n = h.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && (h[r] as number) < (h[l] as number) ? r : l;
      if ((h[child] as number) >= last) break;
      h[i] = h[child] as number;
      i = child;
    }
    h[i] = last;
  }
}
