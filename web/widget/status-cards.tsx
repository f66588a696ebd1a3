import type { VisitorStatus } from "../../src/app/events.js";
import { localizeBucket, replyWhen, type Translate } from "../shared/i18n.js";

/** While queued: the position and the estimated wait (or that a person is being found). */
export function QueueStatus({ status, t }: { status: VisitorStatus; t: Translate }) {
  const wait = status.wait;
  return (
    <div class="card status queue-status" role="status">
      {wait === null ? (
        <strong>{t("connectingAgent")}</strong>
      ) : (
        <>
          <strong>{t("queued", { position: wait.position })}</strong>
          <span>{t("queuedWait", { bucket: localizeBucket(wait.bucket, t) })}</span>
        </>
      )}
    </div>
  );
}

export interface WaitOfferProps {
  readonly status: VisitorStatus;
  readonly t: Translate;
  readonly onWait: () => void;
  readonly onLeave: () => void;
}

/** The wait is long: keep waiting, or leave a message. */
export function WaitOffer({ status, t, onWait, onLeave }: WaitOfferProps) {
  return (
    <div class="card wait-offer">
      <p>
        {status.wait === null
          ? t("offerNobodyText", { when: replyWhen(status.async?.promisedText ?? "", t) })
          : t("offerText", { bucket: localizeBucket(status.wait.bucket, t), when: replyWhen(status.async?.promisedText ?? "", t) })}
      </p>
      <div class="row">
        <button class="btn" type="button" onClick={onWait}>
          {t("keepWaiting")}
        </button>
        <button class="btn ghost" type="button" onClick={onLeave}>
          {t("leaveMessage")}
        </button>
      </div>
    </div>
  );
}

/** After the visitor left a message; `promise` is the reply time with its preposition (see replyWhen). */
export function AsyncDone({ t, promise }: { t: Translate; promise: string }) {
  return (
    <div class="card done async-done" role="status">
      {t("asyncDone", { when: promise })}
    </div>
  );
}
