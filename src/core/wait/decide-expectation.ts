import { formatPromise } from "../hours/format-promise.js";
import { DEFAULT_REPLY_WITHIN_MINUTES, replyBy } from "../hours/reply-by.js";
import type { BusinessCalendar } from "../model.js";
import { bucketFor } from "./bucket-for.js";
import type { WaitConfig } from "./wait-config.js";

export interface ExpectationInput {
  /** Online agents eligible for the chat (whatever their load). */
  readonly eligibleOnline: number;
  /** Whether any team that may take the chat is inside business hours. */
  readonly anyTeamOpen: boolean;
  /** From `estimateWait`; null when nobody eligible has capacity. */
  readonly estimateSeconds: number | null;
  /** The target team's calendar: its next opening is the promised reply time. */
  readonly calendar: BusinessCalendar;
  readonly now: number;
  /** The visitor's IANA zone for the promise text; the calendar's zone when unknown. */
  readonly visitorTimeZone: string | null;
  /** BCP 47 locale for the promise text; "en-US" by default. */
  readonly locale?: string;
  /** The team's reply window while open (see `replyBy`). */
  readonly replyWithinMinutes?: number;
}

/** A reply time: epoch ms, and the same in words for the visitor. */
interface ReplyPromise {
  readonly promisedBy: number;
  readonly promisedByText: string;
}

/** What the visitor is told after a handoff. */
export type Expectation =
  | { readonly kind: "wait"; readonly seconds: number; readonly bucket: string }
  | ({ readonly kind: "async"; readonly mode: "forced"; readonly reason: "after_hours" | "no_agent" } & ReplyPromise)
  | ({ readonly kind: "offer_async"; readonly reason: "long_wait"; readonly seconds: number; readonly bucket: string } & ReplyPromise);

/**
 * Wait, go async, or choose. In order:
 * 1. no team open → async, "after_hours", promised by the calendar's next opening;
 * 2. no eligible agent online (or none with capacity) → async, "no_agent", promised by the
 *    team's reply window while it is open (`replyBy`): a stated time, never "as soon as possible";
 * 3. estimate above `asyncOfferAboveSeconds` → offer the choice, with the estimate and promise;
 * 4. otherwise wait, with the bucket.
 *
 * @example
 * decideExpectation({ eligibleOnline: 0, anyTeamOpen: true, estimateSeconds: null, calendar, now, visitorTimeZone: null }, cfg);
 * // { kind: "async", mode: "forced", reason: "no_agent", promisedBy: now, ... }
 */
export function decideExpectation(input: ExpectationInput, cfg: WaitConfig): Expectation {
  const promise = (): ReplyPromise => {
    const promisedBy = replyBy(input.calendar, input.now, input.replyWithinMinutes ?? DEFAULT_REPLY_WITHIN_MINUTES);
    const zone = input.visitorTimeZone ?? input.calendar.timeZone;
    return { promisedBy, promisedByText: formatPromise(promisedBy, zone, input.locale ?? "en-US", input.now) };
  };
  if (!input.anyTeamOpen) return { kind: "async", mode: "forced", reason: "after_hours", ...promise() };
  if (input.eligibleOnline <= 0 || input.estimateSeconds === null) {
    return { kind: "async", mode: "forced", reason: "no_agent", ...promise() };
  }
  const seconds = input.estimateSeconds;
  const bucket = bucketFor(seconds, cfg);
  if (seconds > cfg.asyncOfferAboveSeconds) return { kind: "offer_async", reason: "long_wait", seconds, bucket, ...promise() };
  return { kind: "wait", seconds, bucket };
}
