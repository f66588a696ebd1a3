import { isOpen, nextOpen } from "../core/hours/index.js";
import { formatPromise } from "../core/hours/index.js";
import type { Conversation } from "../core/model.js";
import { estimateWait } from "../core/wait/index.js";
import type { VisitorStatus } from "./events.js";
import { systemText } from "./system-text.js";
import type { Engine } from "./engine.js";

/**
 * The agent's display for a conversation: "María García" and the name of the team the chat was
 * routed to (the request's team the agent qualified through; for a rule without a team, the
 * agent's team whose skills the rule asked for), or no team when neither applies.
 */
export async function agentDisplay(engine: Engine, agentId: string, conversationId?: string): Promise<{ name: string; team: string | null }> {
  const a = (await engine.profiles()).get(agentId);
  if (a === undefined) return { name: "An agent", team: null };
  if (conversationId === undefined) return { name: a.name, team: null };
  let teamId = engine.router.teamOf(conversationId);
  if (teamId === null) {
    const skills = engine.router.requestOf(conversationId)?.request.skills ?? [];
    teamId = a.teams.find((t) => engine.team(t)?.skills.some((s) => skills.includes(s)) ?? false) ?? null;
  }
  return { name: a.name, team: engine.team(teamId)?.name ?? teamId };
}

/** The promised reply time for the async path: the next opening of the conversation's team. */
export function replyPromise(engine: Engine, c: Conversation, now: number): { promisedBy: number; promisedText: string } {
  const rule = engine.rule(c.ruleId);
  const team = engine.team(rule?.target.team ?? null) ?? engine.config.teams.find((t) => isOpen(t.calendar, now)) ?? engine.config.teams[0];
  if (team === undefined) return { promisedBy: now, promisedText: "as soon as possible" };
  const promisedBy = nextOpen(team.calendar, now);
  const zone = c.visitorTimeZone ?? team.calendar.timeZone;
  const promisedText = promisedBy <= now ? systemText(c.language, "asap") : formatPromise(promisedBy, zone, localeFor(c.language), now);
  return { promisedBy, promisedText };
}

export function localeFor(language: string): string {
  return { en: "en-US", es: "es-ES", fr: "fr-FR", de: "de-DE", pt: "pt-PT" }[language] ?? "en-US";
}

/** "by Monday 9:00 AM (Europe/Paris)", or "as soon as possible" while the team is open, in `language`. */
export function replyPhrase(promise: { promisedBy: number; promisedText: string }, now: number, language = "en"): string {
  return promise.promisedBy <= now ? systemText(language, "asap") : systemText(language, "by", { time: promise.promisedText });
}

/** The wait the visitor is shown while queued (`knownPosition`: the queue position when the caller has it). */
export function waitFor(engine: Engine, conversationId: string, knownPosition?: number): { bucket: string; seconds: number; position: number } | null {
  const position = knownPosition ?? engine.router.positionOf(conversationId);
  const routed = engine.router.requestOf(conversationId);
  if (position === null || routed === null) return null;
  const cap = engine.router.capacityFor(routed.request, routed.appliedSteps);
  const estimate = estimateWait(
    {
      position,
      eligibleAgents: [{ cap: cap.slots, active: cap.slots - cap.free }],
      recentHandleSeconds: engine.recentHandleSeconds(),
    },
    engine.config.wait,
  );
  return estimate === null ? null : { bucket: estimate.bucket, seconds: estimate.seconds, position };
}

/** Everything the widget needs to draw the conversation's state (`position`: its queue position, when known). */
export async function visitorStatus(engine: Engine, c: Conversation, position?: number): Promise<VisitorStatus> {
  const now = engine.now();
  const agent = c.assignedAgentId !== null && c.state === "assigned" ? await agentDisplay(engine, c.assignedAgentId, c.id) : null;
  let async: VisitorStatus["async"] = null;
  const wait = c.state === "queued" ? waitFor(engine, c.id, position) : null;
  if (c.state === "async") async = { mode: "forced", ...replyPromise(engine, c, now) };
  else if (wait !== null && wait.seconds > engine.config.wait.asyncOfferAboveSeconds) {
    async = { mode: "offer", ...replyPromise(engine, c, now) };
  }
  return { conversationId: c.id, state: c.state, agent, wait, async };
}
