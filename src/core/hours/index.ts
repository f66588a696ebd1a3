export { formatPromise, zoneCity } from "./format-promise.js";
export { isOpen } from "./is-open.js";
export { NEXT_OPEN_HORIZON_DAYS, nextOpen } from "./next-open.js";
export { DEFAULT_REPLY_WITHIN_MINUTES, replyBy } from "./reply-by.js";
export { minutesOfDay, TIME_OF_DAY } from "./time-of-day.js";
