import { useState } from "preact/hooks";
import { formatDateTime, humanize } from "../shared/format.js";
import type { InboxItem } from "./types.js";
import { ErrorNote } from "../shared/error-note.js";

export interface InboxViewProps {
  readonly items: readonly InboxItem[];
  readonly now: number;
  readonly reply: (itemId: string, text: string) => Promise<void>;
  /** Opens the chat the message was left in, read-only: what the visitor told the bot first. */
  readonly showChat: (conversationId: string) => void;
}

function ReplyBox({ item, reply }: { readonly item: InboxItem; readonly reply: InboxViewProps["reply"] }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `inbox-reply-${item.id}`;
  return (
    <form
      class="inbox-reply"
      onSubmit={async (e) => {
        e.preventDefault();
        if (text.trim() === "") return;
        setBusy(true);
        setError(null);
        try {
          await reply(item.id, text.trim());
          setText("");
        } catch (err) {
          setError((err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label for={id}>Reply by e-mail to {item.email}</label>
      <textarea id={id} rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <ErrorNote message={error} />
      <button type="submit" class="primary" disabled={busy || text.trim() === ""}>
        Send reply
      </button>
    </form>
  );
}

/** The async inbox: messages left after hours or instead of waiting, with a reply box each. */
export function InboxView({ items, now, reply, showChat }: InboxViewProps) {
  const open = items.filter((i) => i.status === "open").sort((a, b) => a.promisedBy - b.promisedBy);
  const done = items.filter((i) => i.status === "replied");
  if (items.length === 0) return <p class="empty">The inbox is empty.</p>;
  return (
    <div class="inbox">
      <ul class="inbox-list" aria-label="Open inbox messages">
        {open.map((i) => (
          <li key={i.id} class="card inbox-item">
            <p class="inbox-head">
              <strong>{i.name ?? i.email}</strong> {i.name !== null && <span class="muted">{i.email}</span>}
            </p>
            <p class="inbox-text">{i.text}</p>
            <button type="button" class="link" onClick={() => showChat(i.conversationId)}>
              Show the chat
            </button>
            {i.promisedBy <= i.createdAt ? (
              <p class="muted">Reply as soon as possible · {humanize(i.reason)}</p>
            ) : (
              <p class={`muted${i.promisedBy < now ? " overdue" : ""}`}>
                Promised by {formatDateTime(i.promisedBy)} · {humanize(i.reason)}
              </p>
            )}
            <ReplyBox item={i} reply={reply} />
          </li>
        ))}
      </ul>
      {done.length > 0 && (
        <details>
          <summary>Answered ({done.length})</summary>
          <ul class="inbox-list">
            {done.map((i) => (
              <li key={i.id} class="card inbox-item replied">
                <p class="inbox-text">{i.text}</p>
                <p class="muted">Reply: {i.reply}</p>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
