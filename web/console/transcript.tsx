import { useEffect, useRef } from "preact/hooks";
import { formatClock, formatScore } from "../shared/format.js";
import { formatBytes } from "../shared/upload.js";
import type { ChatLine, PresentedAttachment } from "./types.js";
import { TranslatedText } from "./translation.js";

export interface TranscriptProps {
  readonly lines: readonly ChatLine[];
  /** Message ids the trigger points at (its evidence), highlighted. */
  readonly evidence: readonly string[];
  readonly visitorTyping?: boolean;
  /** The message the visitor has seen up to: "Seen" under the agent's latest message at or before it. */
  readonly visitorRead?: string | null;
}

const AUTHOR_LABEL: Readonly<Record<ChatLine["author"], string>> = { visitor: "Visitor", bot: "Bot", agent: "Agent", system: "System", note: "Private note" };

/**
 * The conversation so far. Bot turns are set apart (badge and colour), visitor turns carry what
 * the NLU read, and the messages that triggered the handoff are marked. Text is always rendered as
 * text, never as HTML.
 */
export function Transcript({ lines, evidence, visitorTyping, visitorRead = null }: TranscriptProps) {
  const readAt = visitorRead === null ? -1 : lines.findIndex((l) => l.id === visitorRead);
  const seen = readAt < 0 ? undefined : lines.slice(0, readAt + 1).findLast((l) => l.author === "agent");
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: "end" }), [lines.length, visitorTyping]);
  return (
    <div class="transcript" role="log" aria-label="Transcript" aria-live="polite">
      {lines.map((l) => {
        const isEvidence = evidence.includes(l.id);
        return (
          <div key={l.id} class={`line line-${l.author}${isEvidence ? " evidence" : ""}`} data-author={l.author}>
            {l.author !== "system" && (
              <div class="line-head">
                <span class={`author-badge author-${l.author}`}>{AUTHOR_LABEL[l.author]}</span>
                <span class="line-name">{l.authorName}</span>
                <time class="muted">{formatClock(l.at)}</time>
                {isEvidence && <span class="badge trigger-mark">trigger</span>}
              </div>
            )}
            {l.translation ? <TranslatedText line={{ ...l, translation: l.translation }} /> : <p class="line-text">{l.text}</p>}
            {l.attachment && <Attachment a={l.attachment} />}
            {l === seen && (
              <p class="line-seen muted" data-testid="seen">
                Seen
              </p>
            )}
            {l.quickReply && <p class="line-quick-reply muted">clicked a quick reply</p>}
            {l.buttons && l.buttons.length > 0 && (
              <p class="offered muted" data-testid="offered">
                Offered:{" "}
                {l.buttons.map((b, i) => (
                  <span key={b.payload}>
                    {i > 0 && <span aria-hidden="true"> · </span>}
                    <span class="chip">{b.title}</span>
                  </span>
                ))}
              </p>
            )}
            {l.nlu && (
              <p class="line-nlu muted">
                intent <b>{l.nlu.intent}</b> · {Math.round(l.nlu.confidence * 100)}%
                {l.author === "visitor" && <> · sentiment {formatScore(l.nlu.sentiment)}</>}
              </p>
            )}
          </div>
        );
      })}
      {visitorTyping && <p class="typing muted">Visitor is typing…</p>}
      <div ref={end} />
    </div>
  );
}

/** A file in the transcript: an image as a thumbnail (opens full size), anything else a download. */
function Attachment({ a }: { readonly a: PresentedAttachment }) {
  return a.inline ? (
    <a class="attachment" href={a.url} target="_blank" rel="noopener noreferrer">
      <img class="thumb" src={a.url} alt={a.name} loading="lazy" />
    </a>
  ) : (
    <a class="attachment file" href={a.url} download={a.name} rel="noopener noreferrer">
      ⬇ {a.name} <span class="muted">({formatBytes(a.size)})</span>
    </a>
  );
}
