import { Transcript } from "./transcript.js";
import type { ConversationRow, PresentedMessage } from "./types.js";

export interface PastChat {
  readonly conversation: ConversationRow;
  readonly messages: readonly PresentedMessage[];
}

/** A past (or another agent's) conversation, read-only: from the visitor's history or a search. */
export function PastPane({ chat, close }: { readonly chat: PastChat; readonly close: () => void }) {
  const c = chat.conversation;
  const lines = chat.messages.map((m) => ({ id: m.id, author: m.author, authorName: m.author === "visitor" ? c.visitor : m.authorName, text: m.text, at: m.at, ...(m.attachment ? { attachment: m.attachment } : {}) }));
  return (
    <section class="chat-pane preview past" aria-labelledby="chat-title">
      <header class="chat-header">
        <div>
          <h2 id="chat-title">{c.visitor}</h2>
          <p class="muted">
            Read-only · {c.state}
            {c.assignedAgentName && ` · ${c.assignedAgentName}`}
            {c.team && ` · ${c.team}`}
          </p>
        </div>
        <div class="chat-actions">
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      </header>
      <Transcript lines={lines} evidence={[]} />
    </section>
  );
}
