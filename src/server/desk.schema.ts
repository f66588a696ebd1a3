import { z } from "zod";
import { shortcutSchema } from "../core/config/index.js";

/** A canned response to save: no team (null or absent) makes it the agent's own. */
export const CannedBody = z.object({
  team: z.string().min(1).max(60).nullable().optional(),
  shortcut: shortcutSchema,
  title: z.string().trim().min(1, "a title is needed").max(100),
  text: z.string().trim().min(1, "the text is empty").max(4000, "the text is longer than 4000 characters"),
});

/** The conversation list: a filter, and optional words searched in transcripts. */
export const ConversationSearchQuery = z.object({
  filter: z.enum(["all", "mine", "team", "unassigned", "waiting", "vip"]).default("all"),
  q: z.string().max(200).optional(),
});
