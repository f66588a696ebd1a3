import type { Translate } from "../shared/i18n.js";
import { AttachmentView } from "./attachment.js";
import type { ChatMessage } from "./transcript.js";

export interface MessageListProps {
  readonly messages: readonly ChatMessage[];
  readonly greeting: string | null;
  readonly t: Translate;
  /** A click on a quick reply of the bot's latest turn: sends its title, and its payload for the bot. */
  readonly onChoose?: (title: string, payload: string) => void;
  /** The visitor's message the agent has read up to (null: none yet). */
  readonly agentRead?: string | null;
}

/**
 * The transcript, announced politely to screen readers. Text is always rendered as text
 * (preact escapes it): a message reading "<script>…" shows exactly that.
 */
export function MessageList({ messages, greeting, t, onChoose, agentRead = null }: MessageListProps) {
  const last = messages.at(-1);
  // Delivery state under the visitor's latest acknowledged message only: "Sent", then "Read".
  const mine = messages.findLast((m) => m.author === "visitor" && !m.pending && m.failed === undefined);
  const readAt = agentRead === null ? -1 : messages.findIndex((m) => m.id === agentRead);
  const receipt = mine === undefined ? null : readAt >= messages.indexOf(mine) ? t("read") : t("sent");
  return (
    <div class="messages" role="log" aria-live="polite" aria-relevant="additions" aria-label={t("log")}>
      {greeting !== null && (
        <div class="msg bot greeting">
          <div class="bubble">{greeting}</div>
        </div>
      )}
      {messages.map((m) => (
        <Message key={m.id} m={m} t={t} receipt={m === mine ? receipt : null} />
      ))}
      {last?.author === "bot" && (last.buttons?.length ?? 0) > 0 && onChoose !== undefined && (
        <div class="quick-replies">
          {last.buttons?.map((b) => (
            <button type="button" key={b.payload} onClick={() => onChoose(b.title, b.payload)}>
              {b.title}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function Message({ m, t, receipt }: { m: ChatMessage; t: Translate; receipt: string | null }) {
  const cls = `msg ${m.author}${m.pending ? " pending" : ""}${m.failed ? " failed" : ""}`;
  const isInboxReply = m.author === "agent" && m.clientMessageId?.startsWith("inbox-reply:") === true;
  return (
    <div class={cls} data-id={m.id} data-author={m.author}>
      {isInboxReply && <span class="tag">{t("inboxReply")}</span>}
      {(m.author === "bot" || m.author === "agent") && m.authorName !== "" && <span class="who">{m.authorName}</span>}
      {m.author === "visitor" && <span class="sr">{t("you")}: </span>}
      <div class="bubble">{m.text}</div>
      {m.translated !== undefined && (
        <span class="tag translated" title={m.translated.original} data-testid="translated-mark">
          {t("translated", { lang: languageName(m.translated.from, m.translated.to) })}
        </span>
      )}
      {m.attachment && <AttachmentView a={m.attachment} />}
      {m.failed !== undefined ? (
        <span class="note" role="alert">
          {t("error", { message: m.failed })}
        </span>
      ) : (
        (m.pending || receipt !== null) && (
          <span class="note" data-testid={m.pending ? undefined : "receipt"}>
            {m.pending ? t("sending") : receipt}
          </span>
        )
      )}
    </div>
  );
}

/** "en" in the visitor's language ("inglés"), or the code where the browser has no names. */
function languageName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
