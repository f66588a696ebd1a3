import type { Clock } from "../../ports/clock.js";

/**
 * A clock that only moves when the test moves it. Time is epoch milliseconds.
 * @example
 * const clock = new FakeClock(Date.UTC(2026, 0, 5, 9));
 * clock.advance(30_000);
 * clock.now(); // 09:00:30 UTC
 */
export class FakeClock implements Clock {
  #now: number;

  constructor(start = 0) {
    this.#now = FakeClock.#check(start, "start");
  }

  now(): number {
    return this.#now;
  }

  /** Moves time forward by `ms` (>= 0) and returns the new time. */
  advance(ms: number): number {
    if (FakeClock.#check(ms, "advance") < 0) throw new RangeError(`FakeClock cannot go back in time (advance ${ms})`);
    this.#now += ms;
    return this.#now;
  }

  /** Jumps to an absolute time (may go backwards, to test clock skew) and returns it. */
  set(ms: number): number {
    this.#now = FakeClock.#check(ms, "set");
    return this.#now;
  }

  static #check(ms: number, what: string): number {
    if (!Number.isFinite(ms)) throw new RangeError(`FakeClock ${what} needs a finite number of ms, got ${ms}`);
    return ms;
  }
}
