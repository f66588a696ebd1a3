export {
  CSAT_SEGMENTS,
  type CsatAnswer,
  type CsatDifference,
  type CsatSegment,
  type CsatSegmentSummary,
  csatBySegment,
  csatDifference,
  type Interval,
  sampleVariance,
} from "./csat.js";
export { handoffsByTrigger, type TriggerCount } from "./handoffs-by-trigger.js";
export { type DurationSummary, mean, percentile, summarizeDurations } from "./percentile.js";
export { type RepeatFlag, type RepeatQuestionRate, type RepeatRate, repeatQuestionRate } from "./repeat-question-rate.js";
export { type UnansweredReassignments, unansweredReassignments } from "./unanswered-reassignments.js";
export type { RuleRef } from "./rule-ref.js";
export { type BotSeamSummary, seamByBot } from "./seam-by-bot.js";
export { computeSeamReport, type SeamReport, type SeamReportInput } from "./seam-report.js";
export { csvCell, type SeamReportRow, seamReportRows, seamReportToCsv } from "./seam-report-csv.js";
export { type SlaAttainment, type SlaOutcome, slaAttainment, slaOutcome } from "./sla-attainment.js";
export { studentTCdf, studentTQuantile } from "./student-t.js";
export { secondsToFirstHuman, type TimeToFirstHuman, timeToFirstHuman } from "./time-to-first-human.js";
export { type BucketRange, waitBucketRange } from "./wait-bucket-range.js";
export { type WaitBucketError, type WaitEstimateError, type WaitEstimateErrorOptions, waitEstimateError } from "./wait-estimate-error.js";
export { type RepeatEvidence, repeatFlags } from "./repeat-flags.js";
