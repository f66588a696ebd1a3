import { IANAZone } from "luxon";
import { z } from "zod";
import type { AgentProfile, Customer, Presence } from "../model.js";
import { idSchema, langSchema, tierSchema } from "./rule.schema.js";

/** A seeded agent: the profile, a plain-text password to hash on import, and an optional presence. */
export type SeedAgent = AgentProfile & { readonly password: string; readonly presence?: Presence | undefined };

/** A seeded canned response: a team's (`team`) or one agent's (`owner`). */
export interface SeedCanned {
  readonly id: string;
  readonly team?: string | undefined;
  readonly owner?: string | undefined;
  readonly shortcut: string;
  readonly title: string;
  readonly text: string;
}

/** Demo or first-run data: agents, customers and canned responses. */
export interface Seed {
  readonly agents: readonly SeedAgent[];
  readonly customers: readonly Customer[];
  readonly canned?: readonly SeedCanned[];
}

/** What a canned response's shortcut may be: what an agent types after "/". */
export const shortcutSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, "a shortcut is 1-32 lower-case letters, digits, - or _");

const cannedSchema = z
  .strictObject({
    id: idSchema,
    team: idSchema.optional(),
    owner: idSchema.optional(),
    shortcut: shortcutSchema,
    title: z.string().min(1).max(100),
    text: z.string().min(1).max(4000),
  })
  .refine((c) => (c.team === undefined) !== (c.owner === undefined), "a canned response has either a team or an owner");

const agentSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  email: z.email(),
  password: z.string().min(1),
  role: z.enum(["agent", "admin"]).default("agent"),
  teams: z.array(idSchema).default([]),
  skills: z.array(z.strictObject({ skill: z.string().min(1), proficiency: z.number().int().min(1).max(5) })).default([]),
  languages: z.array(langSchema).min(1, "an agent speaks at least one language"),
  translationEnabled: z.boolean().default(false),
  senior: z.boolean().default(false),
  cap: z.number().int().min(0).max(50).default(3),
  presence: z.enum(["online", "away", "offline"]).optional(),
}) satisfies z.ZodType<SeedAgent, unknown>;

const customerSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  email: z.email().nullable().default(null),
  plan: z.string().min(1).nullable().default(null),
  tier: tierSchema.default("standard"),
  openTickets: z.number().int().min(0).default(0),
  lifetimeValue: z.number().min(0).default(0),
  csmAgentId: idSchema.nullable().default(null),
  timeZone: z
    .string()
    .refine((tz) => IANAZone.isValidZone(tz), { error: (i) => `unknown IANA time zone "${String(i.input)}"` })
    .nullable()
    .default(null),
}) satisfies z.ZodType<Customer, unknown>;

/** The seed file (config/demo-seed.yaml): ids and e-mails unique, CSMs name seeded agents. */
export const seedSchema = z
  .strictObject({ agents: z.array(agentSchema).default([]), customers: z.array(customerSchema).default([]), canned: z.array(cannedSchema).optional() })
  .superRefine((seed, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const ids = new Set<string>();
    const emails = new Set<string>();
    seed.agents.forEach((a, i) => {
      if (ids.has(a.id)) issue(["agents", i, "id"], `duplicate agent id "${a.id}"`);
      if (emails.has(a.email.toLowerCase())) issue(["agents", i, "email"], `duplicate agent e-mail "${a.email}"`);
      ids.add(a.id);
      emails.add(a.email.toLowerCase());
      const skills = new Set<string>();
      a.skills.forEach((s, j) => {
        if (skills.has(s.skill)) issue(["agents", i, "skills", j, "skill"], `skill "${s.skill}" listed twice`);
        skills.add(s.skill);
      });
    });
    const customers = new Set<string>();
    seed.customers.forEach((c, i) => {
      if (customers.has(c.id)) issue(["customers", i, "id"], `duplicate customer id "${c.id}"`);
      customers.add(c.id);
      if (c.csmAgentId !== null && !ids.has(c.csmAgentId)) issue(["customers", i, "csmAgentId"], `no seeded agent "${c.csmAgentId}"`);
    });
    seed.canned?.forEach((c, i) => {
      if (c.owner !== undefined && !ids.has(c.owner)) issue(["canned", i, "owner"], `no seeded agent "${c.owner}"`);
    });
  }) satisfies z.ZodType<Seed, unknown>;
