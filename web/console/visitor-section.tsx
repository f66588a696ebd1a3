import { useEffect, useState } from "preact/hooks";
import { api } from "../shared/api.js";
import { formatDateTime } from "../shared/format.js";
import type { ConversationRow, HandoffContextV1 } from "./types.js";

export interface VisitorSectionProps {
  readonly context: HandoffContextV1;
  readonly token: string;
  /** Opens a past chat read-only. */
  readonly openPast: (conversationId: string) => void;
}

const SOURCE: Readonly<Record<NonNullable<HandoffContextV1["visitor"]>["labelSource"], string>> = {
  customer: "verified customer",
  name: "name given in chat",
  email: "e-mail given (unverified)",
  friendly: "anonymous: a label of its own",
};

function localTime(zone: string | null): string | null {
  if (zone === null) return null;
  try {
    return new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZone: zone }).format(new Date());
  } catch {
    return null;
  }
}

/** Who the visitor is (name or label, where, on what) and their past chats, each a link to read it. */
export function VisitorSection({ context, token, openPast }: VisitorSectionProps) {
  const v = context.visitor;
  const id = context.conversation.id;
  const [past, setPast] = useState<readonly ConversationRow[] | null>(null);
  useEffect(() => {
    setPast(null);
    if (v === undefined || v.pastChats === 0) return;
    api<ConversationRow[]>(`/api/conversations/${encodeURIComponent(id)}/history`, { token }).then(setPast, () => setPast([]));
  }, [id, v?.pastChats, token]);
  if (v === undefined) return null;
  const time = localTime(v.timeZone);
  const device = [v.browser, v.os, v.device].filter((x) => x !== null).join(" · ");
  return (
    <section class="ctx-section" aria-labelledby="ctx-visitor">
      <h3 id="ctx-visitor">Visitor</h3>
      <dl class="kv">
        <dt>Name</dt>
        <dd>
          {v.label} <span class="muted">({SOURCE[v.labelSource]})</span>
        </dd>
        <dt>Where</dt>
        <dd>{v.city === null ? "–" : `${v.city}${time === null ? "" : ` · ${time} local time`}`}</dd>
        <dt>Browser</dt>
        <dd>{device === "" ? "–" : device}</dd>
        <dt>Past chats</dt>
        <dd data-testid="past-chats">{v.pastChats}</dd>
      </dl>
      {past !== null && past.length > 0 && (
        <ul class="past-chats" aria-label="Past chats">
          {past.map((p) => (
            <li key={p.id}>
              <button type="button" class="link" onClick={() => openPast(p.id)}>
                {formatDateTime(p.createdAt)} · {p.state}
                {p.assignedAgentName && ` · ${p.assignedAgentName}`}
              </button>
              {p.lastText && <span class="muted past-text">{p.lastText}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
