/** Steady-state M/M/N figures for offered load A (Erlangs) on N servers. */
export interface ErlangC {
  readonly servers: number;
  readonly offeredLoad: number;
  /** A / N; at or above 1 the queue grows without bound. */
  readonly utilisation: number;
  readonly stable: boolean;
  /** Probability an arrival waits (1 when unstable). */
  readonly pWait: number;
}

/**
 * Erlang B by the iterative recurrence B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)): no
 * factorials or powers, so it stays accurate for thousands of servers.
 */
export function erlangB(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/**
 * Erlang C from Erlang B: C = N·B / (N − A·(1 − B)), for A < N; 1 otherwise.
 *
 * @example
 * erlangC(11, 10).pWait; // 0.6821 (100 chats per 30 min, 180 s handle, 11 agents)
 */
export function erlangC(servers: number, offeredLoad: number): ErlangC {
  const stable = offeredLoad < servers;
  let pWait = 1;
  if (stable) {
    const b = erlangB(servers, offeredLoad);
    pWait = (servers * b) / (servers - offeredLoad * (1 - b));
  }
  return { servers, offeredLoad, utilisation: servers === 0 ? Number.POSITIVE_INFINITY : offeredLoad / servers, stable, pWait };
}

/** Mean wait in the queue (all arrivals), in the unit of `meanHandle`; Infinity when unstable. */
export function erlangMeanWait(c: ErlangC, meanHandle: number): number {
  return c.stable ? (c.pWait * meanHandle) / (c.servers - c.offeredLoad) : Number.POSITIVE_INFINITY;
}

/** P(wait ≤ t) = 1 − C·e^(−(N−A)·t/h); 0 when unstable. */
export function erlangServiceLevel(c: ErlangC, meanHandle: number, target: number): number {
  return c.stable ? 1 - c.pWait * Math.exp((-(c.servers - c.offeredLoad) * target) / meanHandle) : 0;
}
