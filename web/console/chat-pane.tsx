import { Composer } from "./composer.js";
import { Transcript } from "./transcript.js";
import type { CannedResponse, Chat, HandoffContextV1 } from "./types.js";
import type { MessageTranslation } from "../../src/core/model.js";
import { TranslationBanner } from "./translation.js";
import { visitorName } from "./visitor-name.js";

export interface ChatPaneProps {
  readonly chat: Chat;
  readonly send: (text: string, translation?: { readonly text: string; readonly edited: boolean }) => Promise<void>;
  /** The translation of a draft (chats served through translation). */
  readonly preview?: (text: string) => Promise<MessageTranslation | null>;
  readonly sendNote: (text: string) => Promise<void>;
  readonly canned: readonly CannedResponse[];
  readonly agentName: string;
  readonly attach: (file: File) => Promise<void>;
  readonly typing: (typing: boolean) => void;
  readonly answer: (accept: boolean) => void;
  readonly openTransfer: () => void;
  readonly resolve: () => void;
}

/** The open chat: header with actions, transcript, composer (once accepted). */
export function ChatPane({ chat, send, sendNote, canned, agentName, attach, typing, answer, openTransfer, resolve, preview }: ChatPaneProps) {
  const c = chat.context;
  const who = visitorName(c);
  return (
    <section class="chat-pane" aria-labelledby="chat-title">
      <header class="chat-header">
        <div>
          <h2 id="chat-title">{who}</h2>
          <p class="muted">
            {c.ruleName} · P{c.priority} · {c.conversation.language}
            {c.conversation.page && ` · ${c.conversation.page.title}`}
          </p>
        </div>
        {chat.status === "assigned" ? (
          <div class="chat-actions">
            <button type="button" onClick={openTransfer}>
              Transfer…
            </button>
            <button type="button" class="resolve" onClick={resolve}>
              Resolve
            </button>
          </div>
        ) : (
          <div class="chat-actions">
            <button type="button" class="primary" onClick={() => answer(true)}>
              Accept
            </button>
            <button type="button" onClick={() => answer(false)}>
              Decline
            </button>
          </div>
        )}
      </header>
      {chat.unansweredAfterSeconds !== null && (
        <p class="unanswered-warning" role="alert" data-testid="unanswered-warning">
          Not answered for {chat.unansweredAfterSeconds} s: send a first message now, or this chat goes to a colleague.
        </p>
      )}
      <TranslationBanner view={chat.translation} />
      <Transcript lines={chat.lines} evidence={c.trigger.evidence.messageIds} visitorTyping={chat.visitorTyping} visitorRead={chat.visitorRead} />
      {chat.status === "assigned" ? (
        <Composer key={c.conversation.id} context={c} send={send} sendNote={sendNote} typing={typing} canned={canned} agentName={agentName} attach={attach} preview={chat.translation == null ? undefined : preview} />
      ) : (
        <p class="composer-locked muted">Accept the chat to reply.</p>
      )}
    </section>
  );
}

/** A queued chat opened from the queue: read-only, with "Take" (the server checks cap and eligibility). */
export function PreviewPane({ context, close, take }: { readonly context: HandoffContextV1; readonly close: () => void; readonly take: () => void }) {
  const lines = context.transcript.map((t) => ({ ...t, authorName: t.authorName ?? t.author }));
  return (
    <section class="chat-pane preview" aria-labelledby="chat-title">
      <header class="chat-header">
        <div>
          <h2 id="chat-title">{visitorName(context)}</h2>
          <p class="muted">Waiting in the queue · read-only · {context.ruleName}</p>
        </div>
        <div class="chat-actions">
          <button type="button" class="primary take" onClick={take}>
            Take
          </button>
          <button type="button" onClick={close}>
            Close preview
          </button>
        </div>
      </header>
      <Transcript lines={lines} evidence={context.trigger.evidence.messageIds} />
    </section>
  );
}
