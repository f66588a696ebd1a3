import { useEffect, useState } from "preact/hooks";
import type { TranslationView } from "../../src/app/translate-transcript.js";
import type { MessageTranslation } from "../../src/core/model.js";
import type { ChatLine } from "./types.js";

/**
 * Issue 15 in the console: a chat served through machine translation. Kept in this one file
 * (with one-line hooks in transcript.tsx, composer.tsx and chat-pane.tsx) so the console's own
 * files change little. Styles are inline for the same reason.
 */

export type { TranslationView };

const box = { borderRadius: "6px", padding: "6px 10px", margin: "0 0 8px", fontSize: "0.9rem" } as const;
const info = { ...box, background: "var(--accent-soft)", color: "var(--ink)" } as const;
const warn = { ...box, background: "var(--warn-soft)", color: "var(--warn)", border: "1px solid var(--warn)" } as const;

/** Above the transcript: the languages and pairs, and a clear banner while the translator is down. */
export function TranslationBanner({ view }: { readonly view: (TranslationView & { readonly summary?: string }) | null | undefined }) {
  if (view == null) return null;
  return (
    <div data-testid="translation-banner">
      <p style={info}>
        <strong>Via translation ({view.inbound})</strong> · the visitor writes <b>{view.visitorLanguage}</b>, you write <b>{view.agentLanguage}</b>; replies go
        out as {view.outbound}
        {view.pivot && " (through a third language: check the wording)"}.
      </p>
      {view.summary !== undefined && (
        <p style={{ ...box, background: "var(--panel)", border: "1px solid var(--line)" }} data-testid="translated-summary">
          <strong>Summary ({view.agentLanguage}):</strong> {view.summary}
        </p>
      )}
      {!view.healthy && (
        <p role="alert" style={warn} data-testid="translator-down">
          Translator unavailable: you are reading the visitor's original messages, and your replies go out untranslated until it is back.
        </p>
      )}
    </div>
  );
}

/**
 * A line with a translation: the translation first, the original one click away. An agent's
 * line shows their own words and what the visitor read. A failed translation shows the
 * original with the reason.
 */
export function TranslatedText({ line }: { readonly line: ChatLine & { readonly translation: MessageTranslation } }) {
  const [original, setOriginal] = useState(false);
  const t = line.translation;
  if (line.author === "agent") {
    return (
      <div class="line-text" data-testid="translated-line">
        <p>{line.text}</p>
        <p class="muted" style={{ fontSize: "0.85rem" }}>
          {t.text === null ? `Sent untranslated (${t.error ?? "translator unavailable"})` : `The visitor read (${t.to}${t.edited ? ", edited" : ""}): ${t.text}`}
        </p>
      </div>
    );
  }
  if (t.text === null) {
    return (
      <div class="line-text" data-testid="translated-line">
        <p style={{ ...warn, margin: "0 0 4px" }} data-testid="untranslated">
          Original ({t.from}), not translated: {t.error ?? "translator unavailable"}
        </p>
        <p lang={t.from}>{line.text}</p>
      </div>
    );
  }
  return (
    <div class="line-text" data-testid="translated-line">
      <p lang={original ? t.from : t.to}>{original ? line.text : t.text}</p>
      <button type="button" class="link" style={{ fontSize: "0.8rem" }} onClick={() => setOriginal(!original)} aria-pressed={original}>
        {original ? `Show translation (${t.to})` : `Show original (${t.from})`}
      </button>
      <span class="muted" style={{ fontSize: "0.8rem" }}>
        {" "}
        machine-translated {t.from}→{t.to}
        {t.via !== null && ` through ${t.via}`}
      </span>
    </div>
  );
}

/** A draft's translation as the visitor will read it, editable before sending. */
export interface Draft {
  /** The agent's text the translation was made from. */
  readonly source: string;
  readonly machine: MessageTranslation;
  readonly text: string;
}

/** Under the reply box in a translated chat: the translation the visitor will read, editable. */
export function TranslationDraft({ draft, edit }: { readonly draft: Draft; readonly edit: (text: string) => void }) {
  const failed = draft.machine.text === null;
  return (
    <div data-testid="translation-draft" style={failed ? warn : info}>
      {failed ? (
        <p>Not translated ({draft.machine.error}): Send again to send your words as they are.</p>
      ) : (
        <>
          <label for="composer-translation">
            The visitor will read ({draft.machine.to}){draft.machine.via !== null && ` (through ${draft.machine.via})`}: edit if needed, then Send
          </label>
          <textarea id="composer-translation" rows={2} lang={draft.machine.to} value={draft.text} onInput={(e) => edit(e.currentTarget.value)} style={{ width: "100%" }} />
        </>
      )}
    </div>
  );
}

/**
 * The draft state of a translated chat's reply box: `prepare` asks for the translation of the
 * text (the first Send), and gives what to send once the agent has seen it (the second Send).
 */
export function useTranslationDraft(
  preview: ((text: string) => Promise<MessageTranslation | null>) | undefined,
  conversationId: string,
): {
  readonly draft: Draft | null;
  readonly edit: (text: string) => void;
  readonly clear: () => void;
  /** null: send now with this translation (or none); "shown": the translation is on screen, Send again. */
  readonly prepare: (text: string) => Promise<{ readonly text: string; readonly edited: boolean } | null | "shown">;
} {
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => setDraft(null), [conversationId]);
  return {
    draft,
    edit: (text) => setDraft((d) => (d === null ? d : { ...d, text })),
    clear: () => setDraft(null),
    prepare: async (text) => {
      if (preview === undefined) return null;
      if (draft !== null && draft.source === text) {
        return draft.machine.text === null ? null : { text: draft.text, edited: draft.text !== draft.machine.text };
      }
      const machine = await preview(text);
      if (machine === null) return null;
      setDraft({ source: text, machine, text: machine.text ?? "" });
      return "shown";
    },
  };
}
