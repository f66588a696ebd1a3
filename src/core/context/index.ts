export { ASKABLE_FIELDS, type AskableField, askableFieldOf } from "./askable-field.js";
export { CUE_LANGS, type CueLang } from "./asked-fields.lexicon.js";
export { BOT_NAME, type BuildContextInput, buildContext } from "./build-context.js";
export { detectAskedFields } from "./detect-asked-fields.js";
export type {
  DoNotAsk,
  HandoffContext,
  HandoffContextV1,
  IntentStep,
  SentimentSummary,
  SentimentTrend,
  TranscriptEntry,
  VisitorInfo,
} from "./handoff-context.js";
export { isRestatement, RESTATEMENT_SIMILARITY, type Restatement } from "./is-restatement.js";
export { buildDoNotAsk, FIELD_HINTS, findKnownFieldQuestion } from "./known-fields.js";
export { summarizeSentiment, TREND_DELTA } from "./sentiment-summary.js";
export { SUMMARY_VISITOR_CHARS, summarize } from "./summarize.js";
