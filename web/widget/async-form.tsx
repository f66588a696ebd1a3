import { useEffect, useState } from "preact/hooks";
import type { Translate } from "../shared/i18n.js";
import { CharCount, tooLong } from "./char-count.js";

export interface AsyncFormProps {
  readonly t: Translate;
  /** The promised reply time with its preposition ("by Monday 8:00 AM", "as soon as possible"; see replyWhen). */
  readonly promise: string;
  readonly email: string;
  /** What the visitor already typed in the chat for this message (see asyncDraft); kept until they edit it. */
  readonly draft?: string;
  readonly onSubmit: (input: { name: string; email: string; text: string }) => Promise<void>;
  /** Only when the visitor chose to leave a message and may change their mind. */
  readonly onCancel?: () => void;
}

/** "Leave us a message": name (optional), e-mail and message, with the reply time promised. */
export function AsyncForm({ t, promise, email: initialEmail, draft = "", onSubmit, onCancel }: AsyncFormProps) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState(initialEmail);
  const [text, setText] = useState(draft);
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    if (!edited) setText(draft);
  }, [draft, edited]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="card stack async-form"
      aria-labelledby="baton-async-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await onSubmit({ name, email, text });
        } catch (err) {
          setError((err as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h3 id="baton-async-title">{t("asyncTitle")}</h3>
      <p class="promise">{t("asyncPromise", { when: promise })}</p>
      <label>
        {t("name")}
        <input name="name" autocomplete="name" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t("email")}
        <input name="email" type="email" autocomplete="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </label>
      <label>
        {t("message")}
        <textarea
          name="message"
          required
          aria-invalid={tooLong(text)}
          value={text}
          onInput={(e) => {
            setEdited(true);
            setText(e.currentTarget.value);
          }}
        />
      </label>
      <CharCount text={text} t={t} id="baton-async-count" />
      {error !== null && (
        <p class="note" role="alert">
          {t("error", { message: error })}
        </p>
      )}
      <div class="row">
        <button class="btn" type="submit" disabled={busy || tooLong(text)}>
          {t("submit")}
        </button>
        {onCancel && (
          <button class="btn ghost" type="button" onClick={onCancel}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
