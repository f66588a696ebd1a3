export { type DetectTriggerInput, detectTrigger } from "./detect-trigger.js";
export { keywordsFor, sameQuestionReading, type VisitorTurn } from "./trigger-checks.js";
export { botApiTrigger, botUnavailableTrigger, transferTrigger } from "./trigger-builders.js";
export { botReportedTurns, checkBotConfidenceDrop } from "./external-bot.js";
export { DEFAULT_TRIGGER_CONFIG, type TriggerConfig } from "./trigger-config.js";
export { canonicalTokens, contentTokens, fold, isTriviallyShort, jaccard, paraphraseScore, textSimilarity, words } from "./text-similarity.js";
export { STOP_WORDS } from "./stop-words.js";
