import type { RoutingRequest } from "../model.js";
import { IndexedHeap } from "./indexed-heap.js";
import { compareRequests } from "./order.js";

/** What a queue group holds: a request and the slot bookkeeping the group uses. */
export interface GroupItem {
  readonly request: RoutingRequest;
  /** The item's slot: >= 0 in the group's heap, <= -2 in its sorted run (see `runSlot`), -1 in neither. */
  heapIndex: number;
}

/** The `heapIndex` that marks position `pos` of a sorted run. */
const runSlot = (pos: number): number => -2 - pos;

const before = (a: GroupItem, b: GroupItem): boolean => compareRequests(a.request, b.request) < 0;

/**
 * Queued chats with the same constraints, in queue order (`compareRequests`).
 *
 * Chats of one group mostly arrive in queue order: same rule, same priority and SLA, so the
 * deadline follows the arrival, and escalated chats move to their next group oldest first. So
 * the group keeps a sorted run (an array with a moving front) that takes any chat that does
 * not go before its last one, in O(1), and a heap for the rest. The best chat is the better
 * of the run's front and the heap's top. A chat leaving from inside the run is only marked
 * (its slot set to -1) and skipped when it reaches the front.
 */
export class QueueGroup<T extends GroupItem> {
  private run: T[] = [];
  /** Index of the run's first slot not yet passed over. */
  private front = 0;
  /** Slots dropped from the run's start so far: item at `run[i]` has position `dropped + i`. */
  private dropped = 0;
  private inRun = 0;
  private readonly heap = new IndexedHeap<T>(before);
  /**
   * The best chat and its ordering keys, kept current by every change, so code comparing the
   * heads of many groups reads this object alone.
   */
  head: T | undefined = undefined;
  headPriority = 0;
  headDeadline = 0;
  headArrived = 0;

  get size(): number {
    return this.inRun + this.heap.size;
  }

  has(item: T): boolean {
    return item.heapIndex <= -2 ? this.run[-2 - item.heapIndex - this.dropped] === item : this.heap.has(item);
  }

  push(item: T): void {
    if (this.has(item)) throw new Error("item already in group");
    const last = this.run[this.run.length - 1];
    if (last === undefined || !before(item, last)) {
      item.heapIndex = runSlot(this.dropped + this.run.length);
      this.run.push(item);
      this.inRun++;
    } else {
      this.heap.push(item);
    }
    if (this.head === undefined || before(item, this.head)) this.setHead(item);
  }

  peek(): T | undefined {
    return this.head;
  }

  /** Removes `item` if present; returns whether it was. */
  remove(item: T): boolean {
    if (item.heapIndex > -2) {
      if (!this.heap.remove(item)) return false;
    } else {
      if (!this.has(item)) return false;
      item.heapIndex = -1;
      this.inRun--;
      if (this.inRun === 0) this.drop(this.run.length);
    }
    if (item === this.head) this.setHead(this.best());
    return true;
  }

  /** The chats, in no particular order. */
  *values(): IterableIterator<T> {
    for (let i = this.front; i < this.run.length; i++) {
      const item = this.run[i] as T;
      if (this.live(item, i)) yield item;
    }
    yield* this.heap.values();
  }

  /** The better of the run's front and the heap's top. */
  private best(): T | undefined {
    const front = this.runHead();
    const top = this.heap.peek();
    if (front === undefined) return top;
    return top !== undefined && before(top, front) ? top : front;
  }

  private setHead(item: T | undefined): void {
    this.head = item;
    if (item === undefined) return;
    const r = item.request;
    this.headPriority = r.priority;
    this.headDeadline = r.slaDeadline;
    this.headArrived = r.arrivedAt;
  }

  /** The run's first chat still in it, passing over (and, now and then, dropping) the ones that left. */
  private runHead(): T | undefined {
    const run = this.run;
    while (this.front < run.length && !this.live(run[this.front] as T, this.front)) this.front++;
    if (this.front > 1024 && this.front * 2 > run.length) this.drop(this.front);
    return this.run[this.front];
  }

  /** Whether the item at `run[i]` is still in the run (and not a stale slot of an item pushed again). */
  private live(item: T, i: number): boolean {
    return item.heapIndex === runSlot(this.dropped + i);
  }

  /** Drops the first `n` slots of the run (all passed over or left). */
  private drop(n: number): void {
    this.run = this.run.slice(n);
    this.dropped += n;
    this.front = Math.max(0, this.front - n);
  }
}
