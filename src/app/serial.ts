/**
 * Runs async jobs one at a time, in the order they were submitted. The router is one in-memory
 * state machine, so every command that reads or changes it goes through one of these: a command
 * sees the state its predecessors left, and persisting its effects finishes before the next starts.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(job: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(job, job);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }

  /** Jobs submitted and not yet finished. */
  get size(): number {
    return this.pending;
  }

  /** Resolves once everything submitted so far has finished. */
  async idle(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }
}
