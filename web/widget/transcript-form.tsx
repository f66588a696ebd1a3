import { useState } from "preact/hooks";
import type { Translate } from "../shared/i18n.js";

export interface TranscriptFormProps {
  readonly t: Translate;
  readonly email: string;
  /** Resolves once sent; rejects with the server's reason (rate limit, bad address). */
  readonly onSubmit: (email: string) => Promise<void>;
  readonly onClose: () => void;
}

/** "E-mail me this conversation": one address, sent by the server (rate-limited there). */
export function TranscriptForm({ t, email: initial, onSubmit, onClose }: TranscriptFormProps) {
  const [email, setEmail] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="card stack transcript-form"
      aria-labelledby="baton-transcript-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await onSubmit(email.trim());
        } catch (err) {
          setError((err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3 id="baton-transcript-title">{t("transcriptTitle")}</h3>
      <label>
        {t("email")}
        <input name="email" type="email" autocomplete="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </label>
      {error !== null && (
        <p class="note" role="alert">
          {t("error", { message: error })}
        </p>
      )}
      <div class="row">
        <button class="btn" type="submit" disabled={busy}>
          {t("transcriptSend")}
        </button>
        <button class="btn ghost" type="button" onClick={onClose}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
