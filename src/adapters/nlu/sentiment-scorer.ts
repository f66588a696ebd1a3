import { containerBootstrap } from "@nlpjs/core";
import { LangDe } from "@nlpjs/lang-de";
import { LangEs } from "@nlpjs/lang-es";
import { LangFr } from "@nlpjs/lang-fr";
import { LangPt } from "@nlpjs/lang-pt";
import { SentimentAnalyzer } from "@nlpjs/sentiment";
import Sentiment from "sentiment";
import { FRUSTRATION_MARKS, SUPPORT_SENTIMENT } from "./sentiment.lexicon.js";
import { tokenize } from "./tokens.js";

export interface SentimentScore {
  /** About -1 (very negative) .. 1 (very positive). */
  readonly score: number;
  readonly label: "negative" | "neutral" | "positive";
}

export interface SentimentScorer {
  score(text: string, language: string): Promise<SentimentScore>;
}

/** Scores at or below this are negative, at or above its mirror positive (same scale for every language). */
export const NEGATIVE_AT = -0.05;
export const POSITIVE_AT = 0.25;

function label(score: number): SentimentScore["label"] {
  if (score <= NEGATIVE_AT) return "negative";
  if (score >= POSITIVE_AT) return "positive";
  return "neutral";
}

/** Sum of support-chat words ("still waiting", "unacceptable") from Baton's own lexicon, per language. */
function supportScore(text: string, language: string): number {
  let sum = 0;
  for (const mark of FRUSTRATION_MARKS) sum += (text.match(mark.pattern)?.length ?? 0) * mark.value;
  const lexicon = SUPPORT_SENTIMENT[language];
  if (!lexicon) return sum;
  const words = tokenize(text).map((t) => t.norm);
  for (let i = 0; i < words.length; i++) {
    sum += lexicon.words[words[i]!] ?? 0;
    const pair = `${words[i]} ${words[i + 1] ?? ""}`;
    sum += lexicon.phrases[pair] ?? 0;
  }
  return sum;
}

/**
 * Sentiment per language: the `sentiment` package (AFINN) for English, NLP.js analyzers for es, fr,
 * de and pt, each plus Baton's support-chat lexicon. Raw sums are squashed with tanh onto -1..1 so
 * every language shares the thresholds above. Other languages score 0 (neutral).
 * @example
 * const scorer = await createSentimentScorer();
 * (await scorer.score("this is the worst service ever", "en")).label // "negative"
 */
export async function createSentimentScorer(): Promise<SentimentScorer> {
  const english = new Sentiment();
  const container = await containerBootstrap();
  container.use(LangEs);
  container.use(LangFr);
  container.use(LangDe);
  container.use(LangPt);
  const analyzer = new SentimentAnalyzer({ container });
  return {
    async score(text, language) {
      let raw: number;
      if (language === "en") {
        // AFINN words score -5..5; one strong word is about one unit after dividing by 4.
        raw = english.analyze(text).score / 4;
      } else if (language === "es" || language === "fr" || language === "de" || language === "pt") {
        const result = (await analyzer.process({ locale: language, utterance: text })) as { sentiment?: { score: number; type: string } };
        const s = result.sentiment;
        raw = s ? (s.type === "afinn" ? s.score / 4 : s.score) : 0;
      } else {
        raw = 0;
      }
      raw += supportScore(text, language);
      const score = Math.round(Math.tanh(raw) * 1000) / 1000;
      return { score, label: label(score) };
    },
  };
}
