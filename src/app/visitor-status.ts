import { DEFAULT_REPLY_WITHIN_MINUTES, formatPromise, isOpen, replyBy } from "../core/hours/index.js";
import type { Conversation } from "../core/model.js";
import { bucketFor, estimateWait } from "../core/wait/index.js";
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

/**
 * The promised reply time for the async path, always a time in the visitor's zone: the team's
 * next opening when it is closed, else its reply window (`replyWithinMinutes`) from now.
 */
export function replyPromise(engine: Engine, c: Conversation, now: number): { promisedBy: number; promisedText: string } {
  // The team the chat waits for now (a transfer to a team), else its rule's.
  const routedTeam = engine.router.requestOf(c.id)?.request.team ?? null;
  const rule = engine.rule(c.ruleId);
  const team =
    engine.team(routedTeam) ?? engine.team(rule?.target.team ?? null) ?? engine.config.teams.find((t) => isOpen(t.calendar, now)) ?? engine.config.teams[0];
  const zone = c.visitorTimeZone ?? team?.calendar.timeZone ?? "UTC";
  const promisedBy =
    team === undefined ? now + DEFAULT_REPLY_WITHIN_MINUTES * 60_000 : replyBy(team.calendar, now, team.replyWithinMinutes);
  return { promisedBy, promisedText: formatPromise(promisedBy, zone, localeFor(c.language), now) };
}

/** Whether the conversation's team is closed now (the promise is then its next opening). */
export function teamClosed(engine: Engine, c: Conversation, now: number): boolean {
  const team = engine.team(engine.rule(c.ruleId)?.target.team ?? null);
  return team !== null && !isOpen(team.calendar, now);
}

export function localeFor(language: string): string {
  return { en: "en-US", es: "es-ES", fr: "fr-FR", de: "de-DE", pt: "pt-PT" }[language] ?? "en-US";
}

/** "by Monday 9:00 AM (Paris)" in `language`: every promise names a time. */
export function replyPhrase(promise: { promisedBy: number; promisedText: string }, _now: number, language = "en"): string {
  return systemText(language, "by", { time: promise.promisedText });
}

/**
 * The wait the visitor is shown while queued: their position among the chats the agents who
 * could take theirs would serve first, and the estimate from those agents' capacity, plus the
 * time to the escalation step that brings them in. Null when nobody online could take it.
 */
export function waitFor(engine: Engine, conversationId: string): { bucket: string; seconds: number; position: number } | null {
  const standing = engine.router.standing(conversationId, engine.now());
  if (standing === null || standing.slots === 0) return null;
  const estimate = estimateWait(
    {
      position: standing.position,
      eligibleAgents: [{ cap: standing.slots, active: standing.slots - standing.free }],
      recentHandleSeconds: engine.recentHandleSeconds(),
    },
    engine.config.wait,
  );
  if (estimate === null) return null;
  const seconds = estimate.seconds + Math.ceil(standing.stepInMs / 1000);
  return { bucket: bucketFor(seconds, engine.config.wait), seconds, position: standing.position };
}

/** Everything the widget needs to draw the conversation's state. */
export async function visitorStatus(engine: Engine, c: Conversation): Promise<VisitorStatus> {
  const now = engine.now();
  const agent = c.assignedAgentId !== null && c.state === "assigned" ? await agentDisplay(engine, c.assignedAgentId, c.id) : null;
  let async: VisitorStatus["async"] = null;
  const wait = c.state === "queued" ? waitFor(engine, c.id) : null;
  if (c.state === "async") async = { mode: "forced", ...replyPromise(engine, c, now) };
  else if (c.state === "queued" && engine.router.standing(c.id, now)?.asyncOffered === true) {
    async = { mode: "offer", ...replyPromise(engine, c, now) };
  } else if (wait !== null && wait.seconds > engine.config.wait.asyncOfferAboveSeconds) {
    async = { mode: "offer", ...replyPromise(engine, c, now) };
  }
  return { conversationId: c.id, state: c.state, agent, wait, async };
}
