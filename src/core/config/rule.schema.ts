import { z } from "zod";
import { type CustomerTier, type EscalationStep, type RoutingRule, TOPICS, TRIGGER_KINDS, type Topic, type TriggerKind } from "../model.js";

export const langSchema = z.string().regex(/^[a-z]{2}$/, 'languages are ISO 639-1 codes: "en", "es"');
export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "ids are lower case: letters, digits, - and _");
export const tierSchema = z.enum(["standard", "vip", "enterprise"] as const satisfies readonly CustomerTier[]);

const nonEmpty = <T extends z.ZodType>(item: T) =>
  z.array(item).min(1, "an empty list matches nothing: remove the key to match anything").optional();

/** `when`: every key present must match; an absent key matches anything. `when: {}` is a catch-all. */
const whenSchema = z.preprocess(
  (v) => v ?? {},
  z.strictObject({
    topics: nonEmpty(z.enum(TOPICS as readonly [Topic, ...Topic[]])),
    triggers: nonEmpty(z.enum(TRIGGER_KINDS as readonly [TriggerKind, ...TriggerKind[]])),
    tiers: nonEmpty(tierSchema),
    languages: nonEmpty(langSchema),
    notLanguages: nonEmpty(langSchema),
    afterHours: z.boolean().optional(),
  }),
);

/** An escalation action; the ones without arguments may be written as a bare word: `action: relax_language`. */
const actionSchema = z.preprocess(
  (v) => (typeof v === "string" ? { kind: v } : v),
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("relax_language") }),
    z.strictObject({ kind: z.literal("relax_tier") }),
    z.strictObject({ kind: z.literal("widen_skill"), skill: z.string().min(1) }),
    z.strictObject({ kind: z.literal("widen_team"), team: idSchema }),
  ]),
);

const escalationSchema = z.strictObject({
  afterSeconds: z.number().int().min(0),
  action: actionSchema,
}) satisfies z.ZodType<EscalationStep, unknown>;

/**
 * One row of the routing table. The SLA is written `slaSeconds`, the model's own name, so an
 * error path in the file is the path in the code.
 */
export const ruleSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1).optional(),
    when: whenSchema,
    target: z
      .strictObject({
        skills: z.array(z.string().min(1)).default([]),
        team: idSchema.nullable().default(null),
        tier: z.enum(["any", "senior", "named_csm"]).default("any"),
        allowTranslation: z.boolean().default(false),
      })
      .prefault({}),
    priority: z.number().int().default(0),
    slaSeconds: z.number().int().positive(),
    async: z.boolean().default(false),
    escalation: z.array(escalationSchema).default([]),
  })
  .transform((r): RoutingRule => ({ ...r, name: r.name ?? r.id }));

/** Whether a rule has no conditions, so it matches every handoff. */
export const isCatchAll = (rule: RoutingRule) => Object.values(rule.when).every((v) => v === undefined);
