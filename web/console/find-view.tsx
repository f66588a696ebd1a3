import { useEffect, useState } from "preact/hooks";
import { api } from "../shared/api.js";
import { formatCountdown, formatDateTime } from "../shared/format.js";
import type { ConversationFilter, ConversationRow } from "./types.js";
import { useServerNow } from "./use-now.js";

export interface FindViewProps {
  readonly token: string;
  /** Opens a row: a chat on the desk is selected, any other is read. */
  readonly open: (row: ConversationRow) => void;
  readonly openId: string | null;
}

const FILTERS: readonly { value: ConversationFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "mine", label: "Mine" },
  { value: "team", label: "My teams" },
  { value: "unassigned", label: "Unassigned" },
  { value: "waiting", label: "Waiting longest" },
  { value: "vip", label: "VIP" },
];

/** The conversation list: filters, and full-text search over every transcript the agent may read. */
export function FindView({ token, open, openId }: FindViewProps) {
  const [filter, setFilter] = useState<ConversationFilter>("all");
  const [q, setQ] = useState("");
  const [rows, setRows] = useState<readonly ConversationRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useServerNow();
  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ filter, ...(q.trim() === "" ? {} : { q: q.trim() }) });
      api<ConversationRow[]>(`/api/conversations?${query}`, { token, signal: ctl.signal }).then(
        (r) => {
          setRows(r);
          setError(null);
        },
        (err: Error) => err.name !== "AbortError" && setError(err.message),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [filter, q, token]);
  return (
    <div class="find">
      <label class="find-search">
        <span class="visually-hidden">Search transcripts</span>
        <input type="search" placeholder="Search transcripts…" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      </label>
      <fieldset class="filters">
        <legend class="visually-hidden">Show</legend>
        {FILTERS.map((f) => (
          <label key={f.value} class={`filter${filter === f.value ? " active" : ""}`}>
            <input type="radio" class="visually-hidden" name="find-filter" value={f.value} checked={filter === f.value} onChange={() => setFilter(f.value)} />
            {f.label}
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {rows !== null && rows.length === 0 && <p class="empty">{q.trim() === "" ? "No conversations here." : "No transcript has every word."}</p>}
      <ul class="find-list" aria-label="Conversations">
        {(rows ?? []).map((r) => (
          <li key={r.id} class={`find-item${r.id === openId ? " selected" : ""}`}>
            <button type="button" class="find-open" onClick={() => open(r)}>
              <span class="find-head">
                <b>{r.visitor}</b>
                {r.tier !== "standard" && <span class={`badge tier-${r.tier}`}>{r.tier}</span>}
                <span class={`badge state-${r.state}`}>{r.state}</span>
              </span>
              <span class="find-meta muted">
                {r.waitingSince !== null ? `waiting ${formatCountdown(now - r.waitingSince)}` : formatDateTime(r.updatedAt)}
                {r.assignedAgentName && ` · ${r.assignedAgentName}`}
                {r.team && ` · ${r.team}`}
              </span>
              <span class="find-text">{r.hit?.text ?? r.lastText}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
