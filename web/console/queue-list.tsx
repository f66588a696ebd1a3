import { formatCountdown } from "../shared/format.js";
import type { QueueEntry } from "./types.js";
import { useServerNow } from "./use-now.js";

export interface QueueListProps {
  readonly queue: readonly QueueEntry[];
  readonly previewing: string | null;
  readonly preview: (id: string) => void;
}

/** The queue of the agent's teams, best first, with priority and a live SLA countdown. */
export function QueueList({ queue, previewing, preview }: QueueListProps) {
  const now = useServerNow();
  if (queue.length === 0) return <p class="empty">Nobody is waiting.</p>;
  return (
    <ol class="queue-list" aria-label="Queue">
      {queue.map((q) => {
        const left = q.slaDeadline - now;
        return (
          <li key={q.conversationId} class={`queue-item${q.conversationId === previewing ? " selected" : ""}`}>
            <button type="button" class="queue-open" onClick={() => preview(q.conversationId)}>
              <span class="queue-head">
                <span class="badge priority" title="Priority">
                  P{q.priority}
                </span>
                <span class="queue-who">{q.visitorLabel}</span>
                {q.tier !== "standard" && <span class={`badge tier-${q.tier}`}>{q.tier}</span>}
                <span class={`sla ${left < 0 ? "sla-breached" : left < 20_000 ? "sla-soon" : "sla-ok"}`}>
                  <span class="visually-hidden">{left < 0 ? "SLA breached by" : "SLA time left"}</span>
                  {formatCountdown(left)}
                </span>
              </span>
              <span class="queue-meta">
                {q.ruleName}
                {q.team && ` · ${q.team}`} · {q.language}
              </span>
              {q.summary && <span class="queue-summary">{q.summary}</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
