import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { findKnownFieldQuestion } from "../../src/core/context/index.js";
import { humanize } from "../shared/format.js";
import type { HandoffContextV1 } from "./types.js";
import type { MessageTranslation } from "../../src/core/model.js";
import { TranslationDraft, useTranslationDraft } from "./translation.js";

export interface ComposerProps {
  readonly context: HandoffContextV1;
  readonly send: (text: string, translation?: { readonly text: string; readonly edited: boolean }) => Promise<void>;
  readonly typing: (typing: boolean) => void;
  /** In a chat served through translation: the draft's translation, shown (editable) before sending. */
  readonly preview?: ((text: string) => Promise<MessageTranslation | null>) | undefined;
}

/**
 * The reply box with the repeat-question guard: while the agent types a question whose answer
 * the context already holds, it says so ("Already known: order number = A-12345") before sending.
 */
export function Composer({ context, send, typing, preview }: ComposerProps) {
  const translated = useTranslationDraft(preview, context.conversation.id);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const typingSent = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const draftText = translated.draft?.text ?? "";
  const known = useMemo(() => {
    if (text.trim() === "") return null;
    // Through translation the agent writes in their own language: every lexicon, then the Spanish (etc.) draft.
    if (preview !== undefined) return findKnownFieldQuestion(text, context.doNotAsk) ?? (draftText === "" ? null : findKnownFieldQuestion(draftText, context.doNotAsk, context.conversation.language));
    return findKnownFieldQuestion(text, context.doNotAsk, context.conversation.language);
  }, [text, draftText, preview, context.doNotAsk, context.conversation.language]);
  const stopTyping = () => {
    clearTimeout(idle.current);
    if (typingSent.current) typing(false);
    typingSent.current = false;
  };
  useEffect(() => () => clearTimeout(idle.current), []);
  useEffect(() => {
    setText("");
    setError(null);
  }, [context.conversation.id]);

  const onInput = (value: string) => {
    setText(value);
    if (!typingSent.current && value.trim() !== "") {
      typingSent.current = true;
      typing(true);
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, 3000);
  };
  const submit = async () => {
    const body = text.trim();
    if (body === "" || busy) return;
    setBusy(true);
    setError(null);
    try {
      const translation = await translated.prepare(body);
      if (translation === "shown") return;
      await send(body, translation ?? undefined);
      translated.clear();
      setText("");
      stopTyping();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div class="guard" role="status" aria-live="polite">
        {known && (
          <p class="guard-warning" data-testid="repeat-guard">
            <strong>Already known:</strong> {humanize(known.field)} = <code>{known.value}</code>
            <span class="muted"> · the visitor told us already; no need to ask again.</span>
          </p>
        )}
      </div>
      <label class="visually-hidden" for="composer-text">
        Reply to the visitor
      </label>
      <textarea
        id="composer-text"
        rows={3}
        placeholder="Write a reply… (Enter sends, Shift+Enter for a new line)"
        value={text}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      {translated.draft !== null && translated.draft.source === text.trim() && <TranslationDraft draft={translated.draft} edit={translated.edit} />}
      <div class="composer-actions">
        {error && (
          <span class="error" role="alert">
            {error}
          </span>
        )}
        <button type="submit" class="primary" disabled={busy || text.trim() === ""}>
          Send
        </button>
      </div>
    </form>
  );
}
