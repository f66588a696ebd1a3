import type { BotCorpus } from "./corpus.schema.js";

/** What the bot says next: an answer, or the question for the first missing field. */
export interface BotAnswer {
  readonly text: string;
  /** The field the bot is asking for, or null when it answered. */
  readonly askField: string | null;
}

function pick(texts: Readonly<Record<string, string>>, language: string, fallback: string): string | undefined {
  return texts[language] ?? texts[fallback];
}

/**
 * Pure: the reply for an intent in a language, given the fields already known. Asks for the first
 * field the intent collects that is not known yet; otherwise answers, filling {field} placeholders.
 * Unknown intents answer as "none"; missing translations fall back to the corpus default language.
 * @example
 * answerFor(corpus, "orders.status", "en", {}) // { text: "Could you give me your order number?", askField: "order_number" }
 * answerFor(corpus, "orders.status", "en", { order_number: "A-1234" }).askField // null
 */
export function answerFor(
  corpus: BotCorpus,
  intent: string,
  language: string,
  knownFields: Readonly<Record<string, string>>,
): BotAnswer {
  const fallback = corpus.settings.defaultLanguage;
  const spec = corpus.intents.find((i) => i.name === intent) ?? corpus.intents.find((i) => i.name === "none");
  if (!spec) return { text: "", askField: null };
  for (const field of spec.fields) {
    const value = knownFields[field];
    if (value === undefined || value.trim() === "") {
      const ask = corpus.fields[field]?.ask;
      const text = ask ? pick(ask, language, fallback) : undefined;
      return { text: text ?? field, askField: field };
    }
  }
  const template = pick(spec.answers, language, fallback) ?? "";
  const text = template.replace(/\{([a-z0-9_]+)\}/gi, (whole, name: string) => knownFields[name] ?? whole);
  return { text, askField: null };
}
