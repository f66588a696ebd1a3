/**
 * Baton's clock as the browser sees it. SLA deadlines and offer expiries are server epoch ms; the
 * browser's clock may be off (or, in tests, the server runs on a fake clock), so the console learns
 * the offset from timestamps that are "now" on the server when they arrive: live messages, acks,
 * and the newest transcript line of a chat that was just handed over.
 */
let offsetMs = 0;
const listeners = new Set<() => void>();

/** Records that the server's clock read `serverAt` just now. */
export function observeServerTime(serverAt: number): void {
  if (!Number.isFinite(serverAt)) return;
  const next = serverAt - Date.now();
  if (Math.abs(next - offsetMs) < 250) return;
  offsetMs = next;
  for (const l of listeners) l();
}

/** The server's "now", estimated. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** Calls `listener` whenever the estimate jumps; returns the unsubscribe function. */
export function onServerTimeChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
