import { randomBytes } from "node:crypto";

let lastMs = 0;
let seq = 0;

/**
 * A UUIDv7 (RFC 9562): 48-bit Unix ms, a 12-bit counter that keeps ids made in the same
 * millisecond in order, then random bits. Ids sort by creation, so records created in the same
 * millisecond (a handoff and its transfer) still list in the order they were made.
 */
export function uuidv7(now = Date.now()): string {
  if (now <= lastMs) {
    seq++;
    if (seq > 0xfff) {
      lastMs++;
      seq = 0;
    }
  } else {
    lastMs = now;
    seq = 0;
  }
  const ms = lastMs.toString(16).padStart(12, "0");
  const rand = randomBytes(8);
  rand[0] = ((rand[0] ?? 0) & 0x3f) | 0x80; // variant 10
  const r = rand.toString("hex");
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${seq.toString(16).padStart(3, "0")}-${r.slice(0, 4)}-${r.slice(4, 16)}`;
}
