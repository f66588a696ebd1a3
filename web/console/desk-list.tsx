import { formatCountdown } from "../shared/format.js";
import { SlaClock } from "./sla-clock.js";
import { slaState } from "./sla.js";
import type { Chat } from "./types.js";
import { useServerNow } from "./use-now.js";
import { visitorName } from "./visitor-name.js";

export interface DeskListProps {
  readonly chats: readonly Chat[];
  readonly selected: string | null;
  readonly select: (id: string) => void;
  readonly answer: (id: string, accept: boolean) => void;
  /** The signed-in agent's display name (whose first message stops the SLA clock). */
  readonly myName: string;
  /** Whether the agent is online (the empty list says what to do, or that chats will come). */
  readonly online: boolean;
}

function OfferCountdown({ expiresAt }: { readonly expiresAt: number | null }) {
  const now = useServerNow(500);
  if (expiresAt === null) return null;
  return <span class="offer-timer">expires in {formatCountdown(Math.max(0, expiresAt - now))}</span>;
}

/** The agent's chats: offers to accept or decline (with their countdown), then assigned chats. */
export function DeskList({ chats, selected, select, answer, myName, online }: DeskListProps) {
  const now = useServerNow();
  if (chats.length === 0) return <p class="empty">{online ? "No chats right now: new ones come here." : "No chats. Go online to receive chats."}</p>;
  return (
    <ul class="desk-list" aria-label="My chats">
      {chats.map((c) => {
        const who = visitorName(c.context);
        const sla = slaState(c, now, myName);
        return (
          <li key={c.id} class={`desk-item${c.id === selected ? " selected" : ""}${c.status === "offered" ? " offered" : ""}`}>
            <button type="button" class="desk-open" aria-current={c.id === selected ? "true" : undefined} onClick={() => select(c.id)}>
              <span class="desk-who">
                {who}
                {c.unread > 0 && (
                  <span class="badge unread">
                    {c.unread}
                    <span class="visually-hidden"> unread</span>
                  </span>
                )}
              </span>
              <span class="desk-rule">{c.context.ruleName}</span>
              {c.status === "assigned" && (
                <SlaClock deadline={c.context.slaDeadline} answered={sla.kind === "answered" ? { met: sla.met } : null} />
              )}
            </button>
            {c.status === "offered" && (
              <div class="offer">
                <span>Offered to you</span> <OfferCountdown expiresAt={c.expiresAt} />
                <div class="offer-actions">
                  <button type="button" class="primary" onClick={() => answer(c.id, true)} aria-label={`Accept chat with ${who}`}>
                    Accept
                  </button>
                  <button type="button" onClick={() => answer(c.id, false)} aria-label={`Decline chat with ${who}`}>
                    Decline
                  </button>
                </div>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
