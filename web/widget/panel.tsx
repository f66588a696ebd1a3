import type { Ref } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { replyWhen, type Translate } from "../shared/i18n.js";
import { AsyncForm } from "./async-form.js";
import type { ChatClient, ChatState } from "./chat-client.js";
import { AttachButton } from "./attachment.js";
import { Composer } from "./composer.js";
import { CsatForm } from "./csat-form.js";
import { MessageList } from "./message-list.js";
import { headerStatus } from "./header-status.js";
import { WaitOffer } from "./status-cards.js";
import { asyncDraft, wantsAsyncForm } from "./transcript.js";
import { TranscriptForm } from "./transcript-form.js";

export interface PanelProps {
  readonly client: ChatClient;
  readonly state: ChatState;
  readonly t: Translate;
  readonly greeting: string | null;
  readonly open: boolean;
  readonly onClose: () => void;
  readonly inputRef: Ref<HTMLTextAreaElement>;
}

/**
 * The chat window: header (with the conversation's true status), connection banner, transcript
 * with the cards that need an answer, composer. One input is active at a time: while the
 * leave-a-message or transcript form is open, the message box waits. The queue position lives in
 * the header and the "message left" confirmation in the transcript (the server's line), each once.
 */
export function Panel({ client, state, t, greeting, open, onClose, inputRef }: PanelProps) {
  const { status } = state;
  const [leaving, setLeaving] = useState(false);
  const [offerAnswered, setOfferAnswered] = useState<string | null>(null);
  /** The transcript-by-e-mail form: closed, open, or sent to an address. */
  const [transcript, setTranscript] = useState<null | "form" | { sentTo: string }>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const asyncForm = wantsAsyncForm(status, state.inbox, state.messages);
  const queued = status?.state === "queued" || status?.state === "offered";
  const offer = queued && status?.async?.mode === "offer" && offerAnswered !== status.conversationId && !leaving;
  const promise = replyWhen(status?.async?.promisedText ?? "", t);
  const showAsyncForm = asyncForm || (leaving && queued);
  // The server's notice already states the wait and the promise: the offer card then only asks the question.
  const promisedText = status?.async?.promisedText ?? "";
  const offerSaid = promisedText !== "" && state.messages.findLast((m) => m.author === "system")?.text.includes(promisedText) === true;
  const hasMessages = state.messages.some((m) => !m.pending);

  useEffect(() => {
    if (!queued && leaving) setLeaving(false);
  }, [queued, leaving]);
  useEffect(() => {
    const el = scroller.current;
    if (el !== null) el.scrollTop = el.scrollHeight;
  }, [state.messages.length, state.status, state.csat, state.agentTyping, leaving, open, transcript]);

  return (
    <div
      class="panel"
      id="baton-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="baton-title"
      data-conversation={state.conversationId ?? ""}
      hidden={!open}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header>
        <div class="grow">
          <h2 id="baton-title">{t("title")}</h2>
          <p class={`status-line${queued ? " queue-status" : ""}`} role="status">
            {headerStatus(status, t)}
          </p>
        </div>
        {hasMessages && (
          <button
            class="icon"
            type="button"
            aria-label={t("transcriptOpen")}
            title={t("transcriptOpen")}
            aria-expanded={transcript === "form"}
            onClick={() => setTranscript(transcript === "form" ? null : "form")}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round">
              <path d="M3 6h18v12H3zM3 6l9 7 9-7" />
            </svg>
          </button>
        )}
        <button class="close" type="button" aria-label={t("closeChat")} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {(state.connection === "reconnecting" || state.connection === "connecting") && (
        <div class="banner connection" role="status">
          {state.connection === "reconnecting" ? t("reconnecting") : t("connecting")}
        </div>
      )}
      {state.error !== null && (
        <div class="banner error" role="alert">
          {t("error", { message: state.error })}
        </div>
      )}
      <div class="log" ref={scroller}>
        <MessageList messages={state.messages} greeting={greeting} t={t} agentRead={state.agentRead} onChoose={(title, payload) => client.send(title, payload)} />
        {state.agentTyping && <div class="typing">{t("typing", { name: status?.agent?.name ?? "" })}</div>}
        {offer && status !== null && (
          <WaitOffer
            status={status}
            t={t}
            said={offerSaid}
            onWait={() => {
              setOfferAnswered(status.conversationId);
              void client.keepWaiting().catch(() => undefined);
            }}
            onLeave={() => setLeaving(true)}
          />
        )}
        {showAsyncForm && (
          <AsyncForm
            t={t}
            promise={promise}
            email={client.email ?? ""}
            draft={asyncDraft(status, state.inbox, state.messages)}
            onSubmit={async (input) => {
              await client.leaveMessage(input);
              setLeaving(false);
            }}
            {...(leaving ? { onCancel: () => setLeaving(false) } : {})}
          />
        )}
        {status?.state === "bot" && state.csat === "none" && state.messages.at(-1)?.author === "bot" && (
          <div class="row bot-answered">
            <button class="btn ghost" type="button" onClick={() => void client.botResolved().catch(() => undefined)}>
              {t("botAnswered")}
            </button>
          </div>
        )}
        {state.csat !== "none" && <CsatForm t={t} sent={state.csat === "sent"} onSubmit={(s, c) => client.submitCsat(s, c)} />}
        {transcript === "form" && !showAsyncForm && (
          <TranscriptForm
            t={t}
            email={client.email ?? ""}
            onSubmit={async (email) => {
              await client.emailTranscript(email);
              setTranscript({ sentTo: email });
            }}
            onClose={() => setTranscript(null)}
          />
        )}
        {transcript !== null && transcript !== "form" && (
          <div class="card done transcript-sent" role="status">
            {t("transcriptSent", { email: transcript.sentTo })}
          </div>
        )}
      </div>
      {/* One active input at a time: no attaching while a form above is open. */}
      {!(showAsyncForm || transcript === "form") && <AttachButton t={t} target={() => client.attachmentTarget()} />}
      <Composer
        t={t}
        inputRef={inputRef}
        blocked={showAsyncForm || transcript === "form"}
        onSend={(text) => {
          if (transcript !== "form") setTranscript(null);
          client.send(text);
        }}
        onTyping={() => client.typing()}
      />
    </div>
  );
}
