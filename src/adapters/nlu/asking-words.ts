import { StopwordsDe } from "@nlpjs/lang-de";
import { StopwordsEn } from "@nlpjs/lang-en";
import { StopwordsEs } from "@nlpjs/lang-es";
import { StopwordsFr } from "@nlpjs/lang-fr";
import { StopwordsPt } from "@nlpjs/lang-pt";
import { HUMAN_LEXICON } from "./human-request.lexicon.js";
import { fold, type Token } from "./tokens.js";

/** Function words of the supported languages (NLP.js's stopword lists), folded. */
const FUNCTION_WORDS = new Set(
  [StopwordsEn, StopwordsEs, StopwordsFr, StopwordsDe, StopwordsPt].flatMap((Stopwords) => Object.keys(new Stopwords().dictionary).map(fold)),
);

/** The words of asking for a person in every language of the lexicon: "want", "quiero", "person", "talk"… */
const ASKING = new Set(Object.values(HUMAN_LEXICON).flatMap((l) => [...l.wants, ...l.strongNouns, ...l.weakNouns]));
const CONTACT_VERBS = Object.values(HUMAN_LEXICON).flatMap((l) => l.verbPrefixes);

/**
 * Whether what is left of an explicit request for a human, once the request itself is cut out,
 * still says what it is about: some word that is neither a function word nor a word of asking
 * ("… about my invoice" does; "Quiero …, por favor" does not, and classifying those leftovers
 * routed an order question to billing).
 *
 * @example
 * hasSubject(tokenize("Quiero , por favor")) // false
 * hasSubject(tokenize("I want to  about my invoice")) // true
 */
export function hasSubject(tokens: readonly Token[]): boolean {
  return tokens.some((t) => !FUNCTION_WORDS.has(t.norm) && !ASKING.has(t.norm) && !CONTACT_VERBS.some((v) => t.norm.startsWith(v)) && !/^\d{1,2}$/.test(t.norm));
}
