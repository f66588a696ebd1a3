import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { TOPICS, TRIGGER_KINDS, type Topic, type TriggerKind } from "../core/model.js";

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "ids are lower case: letters, digits, - and _");
const lang = z.string().regex(/^[a-z]{2}$/, 'languages are ISO 639-1 codes: "en", "es"');
const positive = z.number().positive();

/** 24 rate multipliers, one per local hour of the day (0 = midnight to 1 am). */
const profileSchema = z.array(z.number().min(0)).length(24, "a daily profile has 24 hourly multipliers (hour 0 .. 23)");

/**
 * Handle time in seconds: lognormal with an arithmetic mean and standard deviation (sd 0 =
 * fixed; `kind` may be left out), or exponential around the mean (coefficient of variation 1:
 * with Poisson arrivals, one pool and infinite patience the run is an exact M/M/N queue).
 */
const handleSchema = z.union([
  z.strictObject({ kind: z.literal("lognormal").default("lognormal"), meanSeconds: positive, sdSeconds: z.number().min(0) }),
  z.strictObject({ kind: z.literal("exponential"), meanSeconds: positive }),
]);

/**
 * How long a waiting visitor stays before leaving: exponential around the mean, exactly the
 * mean, or forever (`infinite`: nobody abandons, as Erlang C assumes).
 */
const patienceSchema = z.union([
  z.strictObject({ kind: z.enum(["exponential", "fixed"]), meanSeconds: positive }),
  z.strictObject({ kind: z.literal("infinite") }),
]);

/** A shift in local hours of the scenario's zone; end ≤ start runs past midnight. */
const shiftSchema = z.strictObject({ start: z.number().min(0).max(24), end: z.number().min(0).max(24) });

/** One stream of handoffs with the same facts (topic, trigger, tier, language). */
const segmentSchema = z.strictObject({
  id,
  /** Chats per hour at multiplier 1. */
  perHour: z.number().min(0),
  topic: z.enum(TOPICS as readonly [Topic, ...Topic[]]),
  trigger: z.enum(TRIGGER_KINDS as readonly [TriggerKind, ...TriggerKind[]]).default("explicit_request"),
  tier: z.enum(["standard", "vip", "enterprise"]).default("standard"),
  language: lang.default("en"),
  /** Named CSM (a roster agent id) of these customers. */
  csm: id.nullable().default(null),
  /** Overrides the scenario's daily profile. */
  profile: profileSchema.optional(),
  /** Overrides the matched rule's handle time. */
  handle: handleSchema.optional(),
  patience: patienceSchema.optional(),
});

/** A group of identical agents, spread over the listed shifts in turn. */
const groupSchema = z.strictObject({
  group: id,
  count: z.number().int().min(1).max(100_000),
  teams: z.array(id).default([]),
  /** skill → proficiency 1..5 */
  skills: z.record(z.string().min(1), z.number().int().min(1).max(5)).default({}),
  languages: z.array(lang).min(1, "an agent speaks at least one language"),
  translationEnabled: z.boolean().default(false),
  senior: z.boolean().default(false),
  cap: z.number().int().min(0).max(50),
  shifts: z.array(shiftSchema).min(1),
});

/** Agents of a seed file (e.g. ../demo-seed.yaml), copied `copies` times, spread over the shifts. */
const seedRefSchema = z.strictObject({
  file: z.string().min(1),
  copies: z.number().int().min(1).max(10_000).default(1),
  shifts: z.array(shiftSchema).min(1),
});

const localStart = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:00$/.test(s) && DateTime.fromISO(s).isValid, {
  error: 'start is a local date and whole hour, "2026-03-10T00:00"',
});

/** A what-if scenario (config/scenarios/*.yaml). Paths inside are relative to the scenario file. */
export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(""),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  /** The Baton config whose rules, teams, hours and router options are simulated. */
  config: z.string().min(1).default("../baton.yaml"),
  start: localStart,
  timeZone: z.string().refine((tz) => IANAZone.isValidZone(tz), { error: (i) => `unknown IANA time zone "${String(i.input)}"` }),
  durationHours: z.number().positive().max(24 * 31),
  profile: profileSchema.default(Array.from({ length: 24 }, () => 1)),
  patience: patienceSchema,
  /** Handle time per rule id; `default` for rules not listed. */
  handle: z.record(id, handleSchema).refine((h) => h.default !== undefined, { error: "give a `default` handle time" }),
  /** Seconds an agent takes to accept an offer, when the config enables offers. */
  offerAcceptSeconds: z.number().min(0).default(5),
  segments: z.array(segmentSchema).min(1),
  /** Seed-file agents and/or groups; at least one agent in all. */
  roster: z
    .strictObject({ seed: seedRefSchema.optional(), groups: z.array(groupSchema).default([]) })
    .refine((r) => r.seed !== undefined || r.groups.length > 0, { error: "the roster needs a seed file or at least one group" }),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type SegmentSpec = Scenario["segments"][number];
export type HandleSpec = z.output<typeof handleSchema>;
export type PatienceSpec = z.output<typeof patienceSchema>;
export type ShiftSpec = z.output<typeof shiftSchema>;
export type GroupSpec = z.output<typeof groupSchema>;
export type SeedRefSpec = z.output<typeof seedRefSchema>;
