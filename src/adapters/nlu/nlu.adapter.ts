import type { NluResult, Topic } from "../../core/model.js";
import type { Nlu, NluContext } from "../../ports/nlu.js";
import type { BotCorpus } from "./corpus.schema.js";
import { extractEntities } from "./entities.js";
import { hasSubject } from "./asking-words.js";
import { detectHumanRequest, phraseTable } from "./human-request.js";
import type { FrustrationScorer } from "./frustration.js";
import type { QuestionReader } from "./question.js";
import type { IntentClassifier } from "./intent-classifier.js";
import type { LanguageDetector } from "./language-detector.js";
import type { SentimentScorer } from "./sentiment-scorer.js";
import { tokenize } from "./tokens.js";

/** Text past this many characters is not read by the classifiers (entities look a bit further). */
export const MAX_ANALYZED_CHARS = 2000;
export const MAX_ENTITY_CHARS = 10_000;

export interface NluParts {
  readonly corpus: BotCorpus;
  readonly classifier: IntentClassifier;
  readonly language: LanguageDetector;
  readonly sentiment: SentimentScorer;
  /** The trained "wants a human now" model; without it readings carry no frustration score. */
  readonly frustration?: FrustrationScorer | null;
  /** The trained question model (repeat detection); without it readings carry no `question`. */
  readonly question?: QuestionReader | null;
}

/** Name of the corpus intent for an explicit request for a human. */
export const HUMAN_REQUEST_INTENT = "human.request";

/** Share of probability one topic needs in the rest of an explicit request ("… about my invoice") to route by it. */
const SUBJECT_MIN_TOPIC_MASS = 0.5;

/** Confidence given to an intent chosen because the rule detector saw an explicit human request. */
const HUMAN_RULE_CONFIDENCE = 0.95;

function emptyResult(language: string): NluResult {
  return {
    language,
    languageConfidence: 0,
    intent: "none",
    topic: "none",
    confidence: 0,
    alternatives: [],
    entities: [],
    sentiment: { score: 0, label: "neutral" },
    explicitHumanRequest: { requested: false, evidence: null },
  };
}

/**
 * Builds the NLU port from its parts. `analyze` never throws: empty or non-text input gives an empty
 * result (intent "none", confidence 0), very long input is read up to MAX_ANALYZED_CHARS.
 * @example
 * const nlu = createNluAdapter({ corpus, classifier, language, sentiment });
 * const result = await nlu.analyze("I want to talk to a human");
 * result.explicitHumanRequest.requested // true
 */
export function createNluAdapter(parts: NluParts): Nlu {
  const { corpus, classifier } = parts;
  const topicOf = new Map<string, Topic>(corpus.intents.map((i) => [i.name, i.topic]));
  // The intent that means "give me a human" (others in the human topic, like contact hours, do not).
  const humanIntent =
    corpus.intents.find((i) => i.name === HUMAN_REQUEST_INTENT)?.name ?? corpus.intents.find((i) => i.topic === "human")?.name ?? null;
  const threshold = corpus.settings.threshold;
  const langs = new Set([...Object.keys(corpus.humanRequest.phrases), ...Object.keys(corpus.humanRequest.negations)]);
  const phrases = phraseTable(
    Object.fromEntries([...langs].map((l) => [l, { phrases: corpus.humanRequest.phrases[l] ?? [], negations: corpus.humanRequest.negations[l] ?? [] }])),
  );
  const fallback = corpus.settings.defaultLanguage;

  async function analyze(input: string, context?: NluContext): Promise<NluResult> {
    const full = typeof input === "string" ? input : String(input ?? "");
    const text = full.slice(0, MAX_ANALYZED_CHARS);
    const previous = context?.previousLanguage;
    if (text.trim() === "") return emptyResult(previous ?? fallback);
    const guess = parts.language.detect(text, previous);
    const tokens = tokenize(text);
    const human = detectHumanRequest(text, tokens, phrases);
    let classified = await classifier.classify(text, guess.language);
    if (human.requested && human.evidence && (topicOf.get(classified.intent) === "human" || classified.confidence < threshold)) {
      // "let me talk to a human about my invoice": the request is the explicit flag; the intent (and
      // the routing topic) is what the rest of the message is about, when that is clear.
      const rest = text.replace(human.evidence, " ");
      const restTokens = tokenize(rest);
      const subject = restTokens.length >= 2 && hasSubject(restTokens) ? await classifier.classify(rest, guess.language) : null;
      const best = subject ? [{ intent: subject.intent, confidence: subject.confidence }, ...subject.alternatives][0] : undefined;
      const topic = best ? topicOf.get(best.intent) : undefined;
      if (subject && best && topic !== undefined && topic !== "human" && topic !== "none" && topic !== "greeting") {
        // The subject only routes, so its topic's total probability is the confidence that counts.
        const mass = [{ intent: subject.intent, confidence: subject.confidence }, ...subject.alternatives]
          .filter((a) => topicOf.get(a.intent) === topic)
          .reduce((sum, a) => sum + a.confidence, 0);
        if (mass >= SUBJECT_MIN_TOPIC_MASS) {
          classified = {
            intent: best.intent,
            confidence: Math.max(threshold, Math.min(1, Math.round(mass * 1000) / 1000)),
            alternatives: [{ intent: classified.intent, confidence: classified.confidence }, ...subject.alternatives.filter((a) => a.intent !== best.intent)],
          };
        }
      }
    }
    let intent = classified.intent;
    let confidence = classified.confidence;
    let alternatives = classified.alternatives;
    if (humanIntent && intent === humanIntent && !human.requested) {
      // The classifier heard "agent"/"human", the rules found a negation or a question about the bot.
      const next = alternatives.find((a) => a.intent !== humanIntent && a.confidence >= threshold);
      alternatives = [{ intent, confidence }, ...alternatives.filter((a) => a !== next)];
      intent = next?.intent ?? "none";
      confidence = next?.confidence ?? Math.min(confidence, threshold / 2);
    } else if (humanIntent && human.requested && (intent === "none" || confidence < threshold)) {
      alternatives = intent === "none" ? alternatives : [{ intent, confidence }, ...alternatives];
      intent = humanIntent;
      confidence = HUMAN_RULE_CONFIDENCE;
    } else if (intent !== "none" && confidence < threshold) {
      alternatives = [{ intent, confidence }, ...alternatives];
      intent = "none";
    }
    const sentiment = await parts.sentiment.score(text, guess.language);
    const result: NluResult = {
      language: guess.language,
      languageConfidence: guess.confidence,
      intent,
      topic: topicOf.get(intent) ?? "none",
      confidence,
      alternatives: alternatives.filter((a) => a.intent !== intent).slice(0, 3),
      entities: extractEntities(full.slice(0, MAX_ENTITY_CHARS)),
      sentiment,
      explicitHumanRequest: human,
    };
    const question = parts.question?.read(text) ?? null;
    return {
      ...result,
      ...(parts.frustration ? { frustration: parts.frustration.score(text, sentiment.score) } : {}),
      ...(question ? { question } : {}),
    };
  }

  return {
    async analyze(input, context) {
      try {
        return await analyze(input, context);
      } catch {
        // A bug in an engine must not drop the visitor's message: fall back to an empty reading.
        return emptyResult(context?.previousLanguage ?? fallback);
      }
    },
  };
}
