import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { fillTemplate } from "../../src/core/canned/index.js";
import { findKnownFieldQuestion } from "../../src/core/context/index.js";
import { humanize } from "../shared/format.js";
import type { MessageTranslation } from "../../src/core/model.js";
import { ACCEPTED_FILES } from "../shared/upload.js";
import { CannedPicker, matchCanned } from "./canned-picker.js";
import { TranslationDraft, useTranslationDraft } from "./translation.js";
import type { CannedResponse, HandoffContextV1 } from "./types.js";

export interface ComposerProps {
  readonly context: HandoffContextV1;
  readonly send: (text: string, translation?: { readonly text: string; readonly edited: boolean }) => Promise<void>;
  readonly sendNote: (text: string) => Promise<void>;
  readonly typing: (typing: boolean) => void;
  readonly canned: readonly CannedResponse[];
  readonly agentName: string;
  /** Sends a file (image or PDF) in the chat. */
  readonly attach: (file: File) => Promise<void>;
  /** In a chat served through translation: the draft's translation, shown (editable) before sending. */
  readonly preview?: ((text: string) => Promise<MessageTranslation | null>) | undefined;
}

/**
 * Unsent text per conversation, for the life of the page, with its mode: a private note's draft
 * must come back as a note, never as a reply the visitor would receive.
 */
const drafts = new Map<string, { readonly text: string; readonly mode: "reply" | "note" }>();

/** Variables a canned response left unfilled ("{field.invoice_number}"): the agent completes them before sending. */
const UNFILLED = /\{(?:visitor|field|agent|customer)\.[a-z0-9_]+\}/gi;

/**
 * The reply box: the repeat-question guard (it says "Already known: order number = A-12345"
 * before the agent asks again), canned responses on "/" with their variables filled from the
 * chat, and a private-note mode whose text goes to colleagues only.
 */
export function Composer({ context, send, sendNote, typing, canned, agentName, attach, preview }: ComposerProps) {
  const translated = useTranslationDraft(preview, context.conversation.id);
  const [text, setText] = useState(() => drafts.get(context.conversation.id)?.text ?? "");
  const [mode, setMode] = useState<"reply" | "note">(() => drafts.get(context.conversation.id)?.mode ?? "reply");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const typingSent = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const draftText = translated.draft?.text ?? "";
  const known = useMemo(() => {
    if (mode === "note" || text.trim() === "") return null;
    // Through translation the agent writes in their own language: every lexicon, then the Spanish (etc.) draft.
    if (preview !== undefined) return findKnownFieldQuestion(text, context.doNotAsk) ?? (draftText === "" ? null : findKnownFieldQuestion(draftText, context.doNotAsk, context.conversation.language));
    return findKnownFieldQuestion(text, context.doNotAsk, context.conversation.language);
  }, [text, mode, draftText, preview, context.doNotAsk, context.conversation.language]);
  const slash = mode === "reply" && !dismissed ? /^\/([\w-]*)$/.exec(text) : null;
  const matches = useMemo(() => (slash === null ? [] : matchCanned(canned, slash[1] ?? "")), [slash?.[1], canned]);
  const unfilled = mode === "reply" ? [...new Set(text.match(UNFILLED) ?? [])] : [];
  const stopTyping = () => {
    clearTimeout(idle.current);
    if (typingSent.current) typing(false);
    typingSent.current = false;
  };
  useEffect(() => () => clearTimeout(idle.current), []);
  // Each chat keeps its own unsent draft while the agent looks at another one (the pane mounts one
  // Composer per chat: see its key in chat-pane.tsx; no reset after mount that could wipe the first
  // characters typed into a chat just opened).
  useEffect(() => {
    if (text === "") drafts.delete(context.conversation.id);
    else drafts.set(context.conversation.id, { text, mode });
  }, [text, mode, context.conversation.id]);

  const onInput = (value: string) => {
    setText(value);
    setActive(0);
    if (!value.startsWith("/")) setDismissed(false);
    if (mode === "note") return;
    if (!typingSent.current && value.trim() !== "" && !value.startsWith("/")) {
      typingSent.current = true;
      typing(true);
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, 3000);
  };
  const pick = (c: CannedResponse) => {
    const filled = fillTemplate(c.text, { customer: context.customer, fields: context.fields, agentName });
    setText(filled.text);
    setError(null);
    box.current?.focus();
  };
  const submit = async () => {
    const body = text.trim();
    if (body === "" || busy) return;
    if (unfilled.length > 0) {
      setError(`Replace ${unfilled.join(", ")} before sending: the chat does not know it yet.`);
      return;
    }
    setBusy(true);
    setError(null);
    // The box empties as the message leaves, not when the server acks it: an agent who presses
    // Enter and goes straight on typing the next message must not see that one wiped by the ack.
    // If the send fails, the text comes back (unless the agent has already typed something new).
    const leave = () => setText((current) => (current.trim() === body ? "" : current));
    try {
      if (mode === "note") {
        leave();
        await sendNote(body);
      } else {
        const translation = await translated.prepare(body);
        if (translation === "shown") return;
        leave();
        await send(body, translation ?? undefined);
        translated.clear();
        stopTyping();
      }
    } catch (err) {
      setText((current) => (current.trim() === "" ? body : current));
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class={`composer composer-${mode}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset class="composer-modes">
        <legend class="visually-hidden">Write</legend>
        {(["reply", "note"] as const).map((m) => (
          <label key={m} class={`mode mode-${m}${mode === m ? " active" : ""}`}>
            <input type="radio" class="visually-hidden" name="composer-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {m === "reply" ? "Reply" : "Private note"}
          </label>
        ))}
        <span class="muted composer-hint">{mode === "reply" ? "Type / for canned responses" : "Only colleagues see notes · @tom mentions Tom"}</span>
      </fieldset>
      <div class="guard" role="status" aria-live="polite">
        {known && (
          <p class="guard-warning" data-testid="repeat-guard">
            <strong>Already known:</strong> {humanize(known.field)} = <code>{known.value}</code>
            <span class="muted"> · the visitor told us already; no need to ask again.</span>
          </p>
        )}
        {unfilled.length > 0 && (
          <p class="guard-warning" data-testid="unfilled">
            <strong>Not known yet:</strong> {unfilled.join(", ")} <span class="muted">· replace before sending.</span>
          </p>
        )}
      </div>
      {slash !== null && <CannedPicker matches={matches} active={Math.min(active, Math.max(0, matches.length - 1))} pick={pick} />}
      <label class="visually-hidden" for="composer-text">
        {mode === "reply" ? "Reply to the visitor" : "Private note to colleagues"}
      </label>
      <textarea
        id="composer-text"
        ref={box}
        rows={3}
        aria-controls={slash !== null ? "canned-list" : undefined}
        placeholder={
          mode === "reply"
            ? "Write a reply… (Enter sends, Shift+Enter for a new line, / for canned responses)"
            : "A private note: the visitor never sees it. @name mentions a colleague."
        }
        value={text}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (slash !== null && matches.length > 0) {
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              setActive((i) => (i + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
              return;
            }
            if (e.key === "Enter" || e.key === "Tab") {
              e.preventDefault();
              const c = matches[Math.min(active, matches.length - 1)];
              if (c) pick(c);
              return;
            }
          }
          if (slash !== null && e.key === "Escape") {
            e.preventDefault();
            setDismissed(true);
            return;
          }
          if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      {translated.draft !== null && translated.draft.source === text.trim() && <TranslationDraft draft={translated.draft} edit={translated.edit} />}
      <div class="composer-actions">
        <input
          ref={file}
          id="composer-file"
          type="file"
          accept={ACCEPTED_FILES}
          class="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          aria-label="Attach a file"
          onChange={(e) => {
            const picked = e.currentTarget.files?.[0];
            e.currentTarget.value = "";
            if (picked === undefined) return;
            setBusy(true);
            setError(null);
            attach(picked)
              .catch((err: Error) => setError(`The file was not sent: ${err.message}`))
              .finally(() => setBusy(false));
          }}
        />
        {mode === "reply" && (
          <button type="button" class="attach-button" disabled={busy} onClick={() => file.current?.click()}>
            Attach a file
          </button>
        )}
        {error && (
          <span class="error" role="alert">
            {error}
          </span>
        )}
        <button type="submit" class="primary" disabled={busy || text.trim() === ""}>
          {mode === "reply" ? "Send" : "Add note"}
        </button>
      </div>
    </form>
  );
}
