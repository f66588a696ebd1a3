import { useState } from "preact/hooks";
import type { Ref } from "preact";
import type { Translate } from "../shared/i18n.js";
import { CharCount, tooLong } from "./char-count.js";

export interface ComposerProps {
  readonly t: Translate;
  readonly onSend: (text: string) => void;
  readonly onTyping: () => void;
  readonly inputRef: Ref<HTMLTextAreaElement>;
  /** Another input (the leave-a-message or transcript form) is the active one: this box waits. */
  readonly blocked?: boolean;
}

/** The message box: Enter sends, Shift+Enter is a new line. Over the server's limit it refuses, with a reason. */
export function Composer({ t, onSend, onTyping, inputRef, blocked = false }: ComposerProps) {
  const [text, setText] = useState("");
  const over = tooLong(text);
  const send = () => {
    if (text.trim() === "" || over || blocked) return;
    onSend(text);
    setText("");
  };
  return (
    <form
      class={`composer${blocked ? " blocked" : ""}`}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <CharCount text={text} t={t} id="baton-count" />
      <div class="row nowrap">
        <label class="sr" for="baton-input">
          {t("messageLabel")}
        </label>
        <textarea
          id="baton-input"
          ref={inputRef}
          rows={1}
          disabled={blocked}
          placeholder={blocked ? t("composerBlocked") : t("placeholder")}
          aria-invalid={over}
          aria-describedby={over ? "baton-count" : undefined}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            onTyping();
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              send();
            }
          }}
        />
        <button class="btn" type="submit" disabled={blocked || over || text.trim() === ""}>
          {t("send")}
        </button>
      </div>
    </form>
  );
}
