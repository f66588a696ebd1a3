import { useState } from "preact/hooks";
import type { Ref } from "preact";
import type { Translate } from "../shared/i18n.js";

export interface ComposerProps {
  readonly t: Translate;
  readonly onSend: (text: string) => void;
  readonly onTyping: () => void;
  readonly inputRef: Ref<HTMLTextAreaElement>;
}

/** The message box: Enter sends, Shift+Enter is a new line. */
export function Composer({ t, onSend, onTyping, inputRef }: ComposerProps) {
  const [text, setText] = useState("");
  const send = () => {
    if (text.trim() === "") return;
    onSend(text);
    setText("");
  };
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label class="sr" for="baton-input">
        {t("messageLabel")}
      </label>
      <textarea
        id="baton-input"
        ref={inputRef}
        rows={1}
        maxLength={4000}
        placeholder={t("placeholder")}
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
      <button class="btn" type="submit" disabled={text.trim() === ""}>
        {t("send")}
      </button>
    </form>
  );
}
