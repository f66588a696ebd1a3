import { useState } from "preact/hooks";
import type { Translate } from "../shared/i18n.js";

export interface CsatFormProps {
  readonly t: Translate;
  readonly sent: boolean;
  readonly onSubmit: (score: number, comment: string) => Promise<void>;
}

/** 1–5 stars (native radios: arrow keys work) and an optional comment. */
export function CsatForm({ t, sent, onSubmit }: CsatFormProps) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  if (sent) {
    return (
      <div class="card done csat-done" role="status">
        {t("csatThanks")}
      </div>
    );
  }
  return (
    <form
      class="card stack csat"
      onSubmit={async (e) => {
        e.preventDefault();
        if (score === 0) return;
        setBusy(true);
        try {
          await onSubmit(score, comment);
        } catch {
          // the error banner shows it
        } finally {
          setBusy(false);
        }
      }}
    >
      <fieldset>
        <legend>{t("csatTitle")}</legend>
        <div class="stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <span key={n}>
              <input type="radio" id={`baton-star-${n}`} name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
              <label for={`baton-star-${n}`} class={n <= score ? "on" : ""} title={t("csatStar", { n })}>
                <span aria-hidden="true">★</span>
                <span class="sr">{t("csatStar", { n })}</span>
              </label>
            </span>
          ))}
        </div>
      </fieldset>
      <label>
        {t("csatComment")}
        <textarea name="comment" maxLength={2000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <div class="row">
        <button class="btn" type="submit" disabled={busy || score === 0}>
          {t("csatSubmit")}
        </button>
      </div>
    </form>
  );
}
