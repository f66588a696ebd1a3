import { z } from "zod";
import { TOPICS, type Topic } from "../../core/model.js";

const perLanguage = <T extends z.ZodType>(value: T) => z.record(z.string().regex(/^[a-z]{2}$/), value);

const topicSchema = z.enum(TOPICS as readonly [Topic, ...Topic[]]);

/** One field the bot may collect, with the question it asks per language. */
export const fieldSpecSchema = z.object({
  ask: perLanguage(z.string().min(1)),
});

/** One intent of the built-in bot. */
export const intentSpecSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_.-]*$/, "intent names are lower case: letters, digits, . _ -"),
  topic: topicSchema,
  fields: z.array(z.string().min(1)).default([]),
  utterances: perLanguage(z.array(z.string().min(1)).min(1)),
  answers: perLanguage(z.string().min(1)),
});

/** The whole bot corpus file (config/bot-corpus.yaml). */
export const botCorpusSchema = z
  .object({
    version: z.literal(1),
    settings: z.object({
      defaultLanguage: z.string().regex(/^[a-z]{2}$/),
      languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1),
      threshold: z.number().min(0).max(1),
    }),
    fields: z.record(z.string(), fieldSpecSchema).default({}),
    intents: z.array(intentSpecSchema).min(1),
    /**
     * Extra explicit-request phrases per language (substring match, any script), added to the
     * built-in lists; a negation phrase in the message cancels. The place to add a language.
     */
    humanRequest: z
      .object({ phrases: perLanguage(z.array(z.string().min(1))).default({}), negations: perLanguage(z.array(z.string().min(1))).default({}) })
      .default({ phrases: {}, negations: {} }),
    /** Training examples for the frustration model (`npm run train:nlu`); not read at run time. */
    frustration: z
      .object({ frustrated: perLanguage(z.array(z.string().min(1))).default({}), calm: perLanguage(z.array(z.string().min(1))).default({}) })
      .default({ frustrated: {}, calm: {} }),
  })
  .superRefine((corpus, ctx) => {
    const names = new Set<string>();
    for (const [i, intent] of corpus.intents.entries()) {
      if (names.has(intent.name)) {
        ctx.addIssue({ code: "custom", path: ["intents", i, "name"], message: `duplicate intent "${intent.name}"` });
      }
      names.add(intent.name);
      for (const field of intent.fields) {
        if (!(field in corpus.fields)) {
          ctx.addIssue({ code: "custom", path: ["intents", i, "fields"], message: `field "${field}" has no entry under fields:` });
        }
      }
      if (!(corpus.settings.defaultLanguage in intent.answers)) {
        ctx.addIssue({ code: "custom", path: ["intents", i, "answers"], message: `no answer in the default language "${corpus.settings.defaultLanguage}"` });
      }
    }
    if (!names.has("none")) {
      ctx.addIssue({ code: "custom", path: ["intents"], message: 'the corpus needs an explicit "none" intent' });
    }
    if (!corpus.settings.languages.includes(corpus.settings.defaultLanguage)) {
      ctx.addIssue({ code: "custom", path: ["settings", "defaultLanguage"], message: "defaultLanguage must be one of settings.languages" });
    }
  });

export type BotCorpus = z.infer<typeof botCorpusSchema>;
export type IntentSpec = BotCorpus["intents"][number];
