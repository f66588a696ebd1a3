import { useLayoutEffect, useState } from "preact/hooks";
import { onServerTimeChange, serverNow } from "./server-clock.js";

/** The server's "now", refreshed every `everyMs` (and when the estimate jumps) while mounted. */
export function useServerNow(everyMs = 1000): number {
  const [now, setNow] = useState(serverNow);
  // A layout effect subscribes right after the first render (a plain effect waits for a frame, and
  // the estimate can jump in between); the immediate tick catches a jump before subscribing.
  useLayoutEffect(() => {
    const tick = () => setNow(serverNow());
    tick();
    const t = setInterval(tick, everyMs);
    const off = onServerTimeChange(tick);
    return () => {
      clearInterval(t);
      off();
    };
  }, [everyMs]);
  return now;
}
