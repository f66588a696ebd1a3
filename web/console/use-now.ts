import { useEffect, useState } from "preact/hooks";
import { onServerTimeChange, serverNow } from "./server-clock.js";

/** The server's "now", refreshed every `everyMs` (and when the estimate jumps) while mounted. */
export function useServerNow(everyMs = 1000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const tick = () => setNow(serverNow());
    const t = setInterval(tick, everyMs);
    const off = onServerTimeChange(tick);
    return () => {
      clearInterval(t);
      off();
    };
  }, [everyMs]);
  return now;
}
