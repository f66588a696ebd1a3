import type { VisitorStatus } from "../../src/app/events.js";
import { localizeBucket, replyWhen, type Translate } from "../shared/i18n.js";

export interface WaitOfferProps {
  readonly status: VisitorStatus;
  readonly t: Translate;
  readonly onWait: () => void;
  readonly onLeave: () => void;
  /** The transcript's last notice already says this (the wait and the promise): only the choice is shown, not the text again. */
  readonly said?: boolean;
}

/** The wait is long: keep waiting, or leave a message. */
export function WaitOffer({ status, t, onWait, onLeave, said = false }: WaitOfferProps) {
  const text =
    status.wait === null
      ? t("offerNobodyText", { when: replyWhen(status.async?.promisedText ?? "", t) })
      : t("offerText", { bucket: localizeBucket(status.wait.bucket, t), when: replyWhen(status.async?.promisedText ?? "", t) });
  return (
    <fieldset class={`card wait-offer${said ? " choice-only" : ""}`}>
      {said ? <legend class="sr">{`${t("keepWaiting")} / ${t("leaveMessage")}`}</legend> : <p>{text}</p>}
      <div class="row">
        <button class="btn" type="button" onClick={onWait}>
          {t("keepWaiting")}
        </button>
        <button class="btn ghost" type="button" onClick={onLeave}>
          {t("leaveMessage")}
        </button>
      </div>
    </fieldset>
  );
}
