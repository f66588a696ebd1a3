/** Small display helpers shared by the console and the admin page. No DOM, no clock: time is passed in. */

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A countdown to `deadline` as "m:ss" (or "h:mm:ss"); negative when overdue ("-0:12").
 * @example formatCountdown(65_000) // "1:05"
 */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? "-" : "";
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${sign}${h}:${pad(m)}:${pad(s)}` : `${sign}${m}:${pad(s)}`;
}

/**
 * A duration in seconds for people: "45 s", "2 min 5 s", "3 h 10 min".
 * @example formatSeconds(125) // "2 min 5 s"
 */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "–";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  const m = Math.round(s / 60);
  return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** "14:05" in the browser's time zone. */
export function formatClock(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "Tue 24 Nov, 14:05" in the browser's time zone. */
export function formatDateTime(at: number): string {
  return new Date(at).toLocaleString("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

/** YYYY-MM-DD of an epoch ms in UTC (for date inputs). */
export function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** A ratio 0..1 as "83%"; null as "–". */
export function formatPercent(ratio: number | null, digits = 0): string {
  return ratio === null || !Number.isFinite(ratio) ? "–" : `${(ratio * 100).toFixed(digits)}%`;
}

/** A whole amount with thousands separators: 184000 → "184,000". */
export function formatAmount(n: number): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(n);
}

/** A signed score with 2 decimals: 0.5 → "+0.50". */
export function formatScore(n: number | null): string {
  return n === null ? "–" : `${n > 0 ? "+" : n < 0 ? "−" : ""}${Math.abs(n).toFixed(2)}`;
}

/** snake_case identifiers for people: "order_number" → "order number". */
export function humanize(id: string): string {
  return id.replace(/[_.]+/g, " ").trim();
}

/** Labels of the trigger kinds (the six triggers of DESIGN.md, with their variants). */
export const TRIGGER_LABELS: Readonly<Record<string, string>> = {
  explicit_request: "Asked for a human",
  repeated_question: "Repeated question",
  confidence_drop: "Bot did not understand",
  negative_sentiment: "Negative sentiment",
  keyword: "Keyword",
  high_value: "High-value customer",
  agent_transfer: "Transfer",
  bot_api: "External bot",
  bot_unavailable: "Bot unavailable",
};

/** The label of a trigger kind, falling back to the humanized id. */
export function triggerLabel(kind: string): string {
  return TRIGGER_LABELS[kind] ?? humanize(kind);
}

/** "2 of 3 chats" */
export function formatLoad(active: number, cap: number): string {
  return `${active} of ${cap} ${cap === 1 ? "chat" : "chats"}`;
}

/**
 * Seconds for chart axes, kept short: "45 s", "2 min", "1.5 h".
 * @example formatSecondsShort(90) // "90 s"
 */
export function formatSecondsShort(seconds: number): string {
  const s = Math.round(seconds);
  if (Math.abs(s) < 120) return `${s} s`;
  if (Math.abs(s) < 7200) return `${+(s / 60).toFixed(1)} min`;
  return `${+(s / 3600).toFixed(1)} h`;
}
