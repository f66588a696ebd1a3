import type { Ref } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { replyWhen, type Translate } from "../shared/i18n.js";
import { AsyncForm } from "./async-form.js";
import type { ChatClient, ChatState } from "./chat-client.js";
import { AttachButton } from "./attachment.js";
import { Composer } from "./composer.js";
import { CsatForm } from "./csat-form.js";
import { MessageList } from "./message-list.js";
import { AsyncDone, QueueStatus, WaitOffer } from "./status-cards.js";
import { asyncDraft, wantsAsyncForm } from "./transcript.js";

export interface PanelProps {
  readonly client: ChatClient;
  readonly state: ChatState;
  readonly t: Translate;
  readonly greeting: string | null;
  readonly open: boolean;
  readonly onClose: () => void;
  readonly inputRef: Ref<HTMLTextAreaElement>;
}

/** The chat window: header, connection banner, transcript with the status cards, composer. */
export function Panel({ client, state, t, greeting, open, onClose, inputRef }: PanelProps) {
  const { status } = state;
  const [leaving, setLeaving] = useState(false);
  const [offerAnswered, setOfferAnswered] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const asyncForm = wantsAsyncForm(status, state.inbox, state.messages);
  const queued = status?.state === "queued" || status?.state === "offered";
  const offer = queued && status?.async?.mode === "offer" && offerAnswered !== status.conversationId && !leaving;
  const promise = replyWhen(status?.async?.promisedText ?? "", t);
  const left = status?.state === "async" && !asyncForm && state.inbox.some((i) => i.status === "open");
  const agentName = status?.state === "assigned" ? (status.agent?.name ?? null) : null;

  useEffect(() => {
    if (!queued && leaving) setLeaving(false);
  }, [queued, leaving]);
  useEffect(() => {
    const el = scroller.current;
    if (el !== null) el.scrollTop = el.scrollHeight;
  }, [state.messages.length, state.status, state.csat, state.agentTyping, leaving, open]);

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
          <p>{agentName === null ? t("subtitleBot") : t("subtitleAgent", { name: agentName })}</p>
        </div>
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
        <MessageList messages={state.messages} greeting={greeting} t={t} />
        {state.agentTyping && <div class="typing">{t("typing", { name: status?.agent?.name ?? "" })}</div>}
        {queued && status !== null && <QueueStatus status={status} t={t} />}
        {offer && status !== null && (
          <WaitOffer
            status={status}
            t={t}
            onWait={() => {
              setOfferAnswered(status.conversationId);
              void client.keepWaiting().catch(() => undefined);
            }}
            onLeave={() => setLeaving(true)}
          />
        )}
        {(asyncForm || (leaving && queued)) && (
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
        {left && <AsyncDone t={t} promise={promise} />}
        {status?.state === "bot" && state.csat === "none" && state.messages.at(-1)?.author === "bot" && (
          <div class="row bot-answered">
            <button class="btn ghost" type="button" onClick={() => void client.botResolved().catch(() => undefined)}>
              {t("botAnswered")}
            </button>
          </div>
        )}
        {state.csat !== "none" && <CsatForm t={t} sent={state.csat === "sent"} onSubmit={(s, c) => client.submitCsat(s, c)} />}
      </div>
      <AttachButton t={t} target={() => client.attachmentTarget()} />
      <Composer t={t} inputRef={inputRef} onSend={(text) => client.send(text)} onTyping={() => client.typing()} />
    </div>
  );
}
