import { formatCountdown } from "../shared/format.js";
import { useServerNow } from "./use-now.js";

/** A live SLA countdown ("SLA 0:42"), red once breached; `label` names it for screen readers. */
export function SlaClock({ deadline, answered }: { readonly deadline: number; readonly answered?: { met: boolean } | null }) {
  const now = useServerNow();
  if (answered) {
    return <span class={`sla ${answered.met ? "sla-met" : "sla-breached"}`}>{answered.met ? "SLA met" : "SLA missed"}</span>;
  }
  const left = deadline - now;
  const cls = left < 0 ? "sla-breached" : left < 20_000 ? "sla-soon" : "sla-ok";
  return (
    <span class={`sla ${cls}`} title="Time left to the first human message">
      <span class="visually-hidden">{left < 0 ? "SLA breached by" : "SLA time left"}</span>
      <span aria-hidden="true">SLA </span>
      {formatCountdown(left)}
    </span>
  );
}
