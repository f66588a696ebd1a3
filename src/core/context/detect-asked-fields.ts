import { fold } from "../triggers/index.js";
import { ASKABLE_FIELDS, type AskableField } from "./askable-field.js";
import { CUE_LANGS, type CueLang, FIELD_CUES, GUARDED_FIELDS, GUARDS, QUESTION_STARTS, REQUEST_MARKERS } from "./asked-fields.lexicon.js";

const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";

interface Compiled {
  readonly cues: readonly { readonly field: AskableField; readonly re: RegExp }[];
  readonly request: RegExp;
  readonly questionStart: RegExp;
  readonly guard: RegExp;
}

const alt = (langs: readonly CueLang[], pick: (l: CueLang) => string | undefined) =>
  langs.map(pick).filter((s): s is string => s !== undefined && s.length > 0).map((s) => `(?:${s})`).join("|");

function compile(langs: readonly CueLang[]): Compiled {
  return {
    cues: ASKABLE_FIELDS.map((field) => ({ field, re: new RegExp(`${B}(?:${alt(langs, (l) => FIELD_CUES[field][l])})${E}`, "gu") })),
    request: new RegExp(`${B}(?:${alt(langs, (l) => REQUEST_MARKERS[l])})${E}`, "u"),
    questionStart: new RegExp(`^[\\s"'(¿¡-]*(?:${alt(langs, (l) => QUESTION_STARTS[l])})${E}`, "u"),
    guard: new RegExp(alt(langs, (l) => GUARDS[l]), "u"),
  };
}

const ALL = compile(CUE_LANGS);
const BY_LANG = new Map<string, Compiled>(CUE_LANGS.map((l) => [l, compile(l === "en" ? ["en"] : ["en", l])]));

/** A value right after the cue: the field is being stated or confirmed, not asked for. */
const VALUE_AFTER = /^\s*(?:(?:is|was|es|est|ist|e|:|=|#)\s*)?[#:]?\s*(?:[\p{L}]{0,5}-?\d{3,}|\d[\d -]{5,}|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.[\p{L}]{2,})/u;

/** Splits folded text into sentences on . ! ? and newlines (not inside "a.b@c.com" or "no.5"). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+|(?<=\?)/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function isQuestionOrRequest(sentence: string, c: Compiled): boolean {
  return sentence.includes("?") || sentence.startsWith("¿") || c.questionStart.test(sentence) || c.request.test(sentence);
}

/**
 * The fields an agent (or bot) message asks the visitor for, in ASKABLE_FIELDS order. A field counts
 * when a cue for it sits in a question or a request sentence, is not the destination of an action
 * ("we'll send it to your email") and is not followed by its value ("your order number 12345
 * shipped"). `lang` narrows the lexicon to English plus that language; without it all of en, es,
 * fr, de and pt are used.
 *
 * @example
 * detectAskedFields("Could you give me your order number and e-mail?") // ["email", "order_number"]
 * detectAskedFields("Your order number 12345 shipped today.") // []
 * detectAskedFields("¿Cuál es su número de pedido?", "es") // ["order_number"]
 */
export function detectAskedFields(agentText: string, lang?: string): AskableField[] {
  const c = (lang !== undefined ? BY_LANG.get(lang.toLowerCase().slice(0, 2)) : undefined) ?? ALL;
  const found = new Set<AskableField>();
  for (const sentence of sentences(fold(agentText))) {
    if (!isQuestionOrRequest(sentence, c)) continue;
    for (const { field, re } of c.cues) {
      if (found.has(field)) continue;
      for (const m of sentence.matchAll(re)) {
        const before = sentence.slice(0, m.index);
        const after = sentence.slice(m.index + m[0].length);
        if ((GUARDED_FIELDS.has(field) && c.guard.test(before)) || VALUE_AFTER.test(after)) continue;
        found.add(field);
        break;
      }
    }
  }
  return ASKABLE_FIELDS.filter((f) => found.has(f));
}
