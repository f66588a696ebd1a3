import type { Translate } from "../shared/i18n.js";
import { AttachmentView } from "./attachment.js";
import type { ChatMessage } from "./transcript.js";

export interface MessageListProps {
  readonly messages: readonly ChatMessage[];
  readonly greeting: string | null;
  readonly t: Translate;
}

/**
 * The transcript, announced politely to screen readers. Text is always rendered as text
 * (preact escapes it): a message reading "<script>…" shows exactly that.
 */
export function MessageList({ messages, greeting, t }: MessageListProps) {
  return (
    <div class="messages" role="log" aria-live="polite" aria-relevant="additions" aria-label={t("log")}>
      {greeting !== null && (
        <div class="msg bot greeting">
          <div class="bubble">{greeting}</div>
        </div>
      )}
      {messages.map((m) => (
        <Message key={m.id} m={m} t={t} />
      ))}
    </div>
  );
}

function Message({ m, t }: { m: ChatMessage; t: Translate }) {
  const cls = `msg ${m.author}${m.pending ? " pending" : ""}${m.failed ? " failed" : ""}`;
  const isInboxReply = m.author === "agent" && m.clientMessageId?.startsWith("inbox-reply:") === true;
  return (
    <div class={cls} data-id={m.id} data-author={m.author}>
      {isInboxReply && <span class="tag">{t("inboxReply")}</span>}
      {(m.author === "bot" || m.author === "agent") && m.authorName !== "" && <span class="who">{m.authorName}</span>}
      {m.author === "visitor" && <span class="sr">{t("you")}: </span>}
      <div class="bubble">{m.text}</div>
      {m.attachment && <AttachmentView a={m.attachment} />}
      {m.failed !== undefined ? (
        <span class="note" role="alert">
          {t("error", { message: m.failed })}
        </span>
      ) : (
        m.pending && <span class="note">{t("sending")}</span>
      )}
    </div>
  );
}
