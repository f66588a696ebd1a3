import type { Translate } from "../shared/i18n.js";

/** The server's limit on a message (MessageText in src/server/protocol.ts), after trimming. */
export const MAX_MESSAGE = 4000;
/** The counter shows from this many characters on. */
export const COUNT_FROM = 3500;

/** Whether `text` is over the limit the server would refuse it at. */
export const tooLong = (text: string) => text.trim().length > MAX_MESSAGE;

/**
 * A character counter near the limit, and a clear refusal above it (the box never cuts a paste
 * short: the visitor sees all they pasted and why it cannot go as one message).
 */
export function CharCount({ text, t, id }: { text: string; t: Translate; id: string }) {
  const n = text.trim().length;
  if (n < COUNT_FROM) return null;
  const fmt = (x: number) => x.toLocaleString();
  return n > MAX_MESSAGE ? (
    <p class="count over" id={id} role="alert">
      {t("tooLong", { n: fmt(n), max: fmt(MAX_MESSAGE) })}
    </p>
  ) : (
    <p class="count" id={id} aria-live="polite">
      {t("charCount", { n: fmt(n), max: fmt(MAX_MESSAGE) })}
    </p>
  );
}
