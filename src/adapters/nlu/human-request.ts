import { HUMAN_LEXICON, HUMAN_PHRASES, type HumanLexicon, type HumanPhrases } from "./human-request.lexicon.js";
import { editDistance, type Token, tokenize } from "./tokens.js";

/** Whether the visitor asked for a human, and the words that showed it. */
export interface HumanRequest {
  readonly requested: boolean;
  /** The matched words from the original text ("talk to a person"), or null. */
  readonly evidence: string | null;
}

type NounKind = "strong" | "weak" | null;

interface MergedLexicon {
  readonly strong: ReadonlySet<string>;
  readonly weak: ReadonlySet<string>;
  readonly fuzzy: readonly { readonly word: string; readonly kind: "strong" | "weak" }[];
  readonly verbPrefixes: readonly string[];
  readonly wants: ReadonlySet<string>;
  readonly negations: readonly (readonly string[])[];
  readonly identity: readonly (readonly string[])[];
  readonly breaks: ReadonlySet<string>;
  /** Words that turn a weak noun into a strong one: "real person", "live agent". */
  readonly realness: ReadonlySet<string>;
}

function merge(lexicons: readonly HumanLexicon[]): MergedLexicon {
  const strong = new Set(lexicons.flatMap((l) => l.strongNouns));
  const weak = new Set(lexicons.flatMap((l) => l.weakNouns).filter((w) => !strong.has(w)));
  const fuzzy = [
    ...[...strong].filter((w) => w.length >= 5).map((word) => ({ word, kind: "strong" as const })),
    ...[...weak].filter((w) => w.length >= 6 && w !== "assistant").map((word) => ({ word, kind: "weak" as const })),
  ];
  return {
    strong,
    weak,
    fuzzy,
    verbPrefixes: lexicons.flatMap((l) => l.verbPrefixes),
    wants: new Set(lexicons.flatMap((l) => l.wants)),
    negations: lexicons.flatMap((l) => l.negations),
    identity: lexicons.flatMap((l) => l.identityQuestions),
    breaks: new Set(lexicons.flatMap((l) => l.clauseBreaks)),
    realness: new Set(["real", "live", "actual", "living", "reale", "vrai", "vraie", "vraiment", "echten", "echter", "echte", "echtem", "verdadera", "verdadero", "vivo", "verdadeira", "verdadeiro"]),
  };
}

/** "delivery agent", "travel agent": people, but not someone to chat with here. */
const NOT_SUPPORT_STAFF: ReadonlySet<string> = new Set(["delivery", "travel", "insurance", "estate", "booking", "ticket", "gate", "customs", "shipping", "secret", "free"]);

const LEXICON = merge(Object.values(HUMAN_LEXICON));
/** "available" in the lexicon languages (folded), right after a person noun. */
const AVAILABLE: ReadonlySet<string> = new Set(["available", "disponible", "disponibles", "verfugbar", "erreichbar", "disponivel", "disponibile", "beschikbaar"]);
const nounCache = new Map<string, NounKind>();

function nounKind(word: string): NounKind {
  if (LEXICON.strong.has(word)) return "strong";
  if (LEXICON.weak.has(word)) return "weak";
  if (word.length < 5) return null;
  const cached = nounCache.get(word);
  if (cached !== undefined) return cached;
  let kind: NounKind = null;
  for (const entry of LEXICON.fuzzy) {
    const max = entry.kind === "strong" && entry.word.length >= 10 ? 2 : 1;
    if (word.length >= entry.word.length - 1 && editDistance(word, entry.word, max) <= max) {
      kind = entry.kind;
      break;
    }
  }
  if (nounCache.size > 50_000) nounCache.clear();
  nounCache.set(word, kind);
  return kind;
}

function isVerb(word: string): boolean {
  if (word === "through") return true;
  for (const prefix of LEXICON.verbPrefixes) {
    if (word.startsWith(prefix)) return true;
    if (prefix.length >= 5 && word.length >= prefix.length && editDistance(word.slice(0, prefix.length), prefix, 1) <= 1) {
      return true;
    }
  }
  return false;
}

function startsWithSeq(words: readonly string[], at: number, seq: readonly string[]): boolean {
  for (let k = 0; k < seq.length; k++) if (words[at + k] !== seq[k]) return false;
  return true;
}

function splitClauses(text: string, tokens: readonly Token[]): Token[][] {
  const clauses: Token[][] = [];
  let current: Token[] = [];
  let prevEnd = 0;
  for (const token of tokens) {
    const gap = text.slice(prevEnd, token.start);
    if (current.length > 0 && (/[.!?;,:\n()]/.test(gap) || LEXICON.breaks.has(token.norm))) {
      clauses.push(current);
      current = [];
    }
    if (!LEXICON.breaks.has(token.norm)) current.push(token);
    prevEnd = token.end;
  }
  if (current.length > 0) clauses.push(current);
  return clauses;
}

interface ClauseVerdict {
  readonly requested: boolean;
  readonly negated: boolean;
  readonly from: number;
  readonly to: number;
}

function judgeClause(clause: readonly Token[], shortMessage: boolean): ClauseVerdict | null {
  const words = clause.map((t) => t.norm);
  if (LEXICON.identity.some((seq) => startsWithSeq(words, 0, seq))) return null;
  for (let i = 0; i < words.length; i++) {
    let kind = nounKind(words[i]!);
    if (kind === null || NOT_SUPPORT_STAFF.has(words[i - 1] ?? "")) continue;
    const prev = words[i - 1] ?? "";
    const next = words[i + 1] ?? "";
    if (kind === "weak" && (LEXICON.realness.has(prev) || LEXICON.realness.has(next) || (next === "de" && words[i + 2] === "verdad"))) {
      kind = "strong";
    }
    const verbAt = words.findIndex(isVerb);
    const wantAt = words.findIndex((w) => LEXICON.wants.has(w));
    const short = shortMessage || words.length <= 4;
    // "is anyone available to help?", "¿hay alguien disponible?": asking whether a person is free is asking for one.
    const available = AVAILABLE.has(next) || AVAILABLE.has(words[i + 2] ?? "");
    const requested = kind === "strong" ? verbAt >= 0 || wantAt >= 0 || short : verbAt >= 0 || available;
    if (!requested) continue;
    let negated = false;
    for (let j = 0; j < i && !negated; j++) {
      negated = LEXICON.negations.some((seq) => startsWithSeq(words, j, seq));
    }
    const cues = [verbAt, wantAt].filter((x) => x >= 0 && x < i);
    const from = cues.length > 0 ? Math.min(...cues) : i;
    return { requested, negated, from: clause[from]!.start, to: clause[i]!.end };
  }
  return null;
}

/** Phrase lists of every language, folded, longest first; see HUMAN_PHRASES. */
export interface PhraseTable {
  readonly phrases: readonly string[];
  readonly negations: readonly string[];
}

/** Folding for phrase matching: NFKC, lower case, Arabic letter variants (alef forms, ta marbuta, alef maqsura) unified. */
export function foldPhrase(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[أإآ]/g, "ا").replace(/ة/g, "ه").replace(/ى/g, "ي");
}

/**
 * Merges the built-in phrase lists with extra ones (config/bot-corpus.yaml `humanRequest`).
 * @example
 * phraseTable({ ko: { phrases: ["상담원"], negations: [] } }).phrases.includes("상담원") // true
 */
export function phraseTable(extra: Readonly<Record<string, Partial<HumanPhrases>>> = {}): PhraseTable {
  const all = [...Object.values(HUMAN_PHRASES), ...Object.values(extra)];
  const uniq = (xs: readonly string[]) => [...new Set(xs.map(foldPhrase).filter((x) => x.trim() !== ""))].sort((a, b) => b.length - a.length);
  return { phrases: uniq(all.flatMap((p) => p.phrases ?? [])), negations: uniq(all.flatMap((p) => p.negations ?? [])) };
}

const DEFAULT_PHRASES = phraseTable();

function matchPhrases(text: string, table: PhraseTable): HumanRequest | null {
  if (table.phrases.length === 0 || /^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]*$/u.test(text)) return null;
  const folded = foldPhrase(text);
  const phrase = table.phrases.find((p) => folded.includes(p));
  if (phrase === undefined || table.negations.some((n) => folded.includes(n))) return null;
  const at = folded.indexOf(phrase);
  // NFKC and the Arabic folding keep lengths for these scripts; fall back to the phrase itself.
  const evidence = foldPhrase(text.slice(at, at + phrase.length)) === phrase ? text.slice(at, at + phrase.length) : phrase;
  return { requested: true, evidence };
}

/**
 * Finds an explicit request for a human ("agent", "can I speak to someone real?", "pásame con un
 * asesor") in any supported language, tolerant to typos, and not fooled by negations ("no need for an
 * agent", "I don't want a human") or by questions about the bot ("are you human?").
 * @example
 * detectHumanRequest("can I speak to someone real?") // { requested: true, evidence: "speak to someone real" }
 * detectHumanRequest("no need for an agent").requested // false
 */
export function detectHumanRequest(text: string, tokens: readonly Token[] = tokenize(text), phrases: PhraseTable = DEFAULT_PHRASES): HumanRequest {
  if (tokens.length === 0) return { requested: false, evidence: null };
  const byPhrase = matchPhrases(text, phrases);
  if (byPhrase) return byPhrase;
  const shortMessage = tokens.length <= 3;
  for (const clause of splitClauses(text, tokens)) {
    const verdict = judgeClause(clause, shortMessage);
    if (verdict && !verdict.negated) {
      let end = verdict.to;
      const after = /^\s+(?:real|live)\b/i.exec(text.slice(end));
      if (after) end += after[0].length;
      return { requested: true, evidence: text.slice(verdict.from, end) };
    }
  }
  return { requested: false, evidence: null };
}
