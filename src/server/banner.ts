import { formatPromise, isOpen, nextOpen } from "../core/hours/index.js";
import type { Team } from "../core/model.js";

export interface BannerInput {
  /** Where Baton answers ("http://localhost:3000"). */
  readonly url: string;
  readonly teams: readonly Pick<Team, "name" | "calendar">[];
  readonly now: number;
  /** Where the Bot API key is (never the key itself: stdout is shipped and kept). */
  readonly botKey: string;
  /** BATON_HOURS as set ("always-open", "config" or unset). */
  readonly hours: string | undefined;
  /** The config file read (`--config`, `BATON_CONFIG`, else config/baton.yaml); absent: not shown. */
  readonly configPath?: string;
}

/**
 * What `npm start` prints: where each surface is, the demo sign-ins one per line, and which
 * teams are open now (with when the others open). When one is closed, how to try the live
 * path anyway: out of hours the tour becomes leave-a-message.
 * @example
 * startupBanner({ url: "http://localhost:3000", teams, now: Date.now(), botKey: "in data/bot-api-key", hours: undefined });
 */
export function startupBanner(input: BannerInput): string {
  const { url, now } = input;
  const open = input.teams.filter((t) => isOpen(t.calendar, now));
  const closed = input.teams.filter((t) => !isOpen(t.calendar, now));
  const pad = (s: string) => s.padEnd(28);
  const lines = [
    "",
    `Baton is running on ${url}`,
    ...(input.configPath === undefined ? [] : [`  ${pad("config")}${input.configPath}`]),
    `  ${pad("demo site with the widget")}${url}/`,
    `  ${pad("agent console")}${url}/console/`,
    `  ${pad("admin and dashboard")}${url}/admin/`,
    `  ${pad("API docs (OpenAPI)")}${url}/docs`,
    `  ${pad("Bot API key")}${input.botKey}`,
    "",
    "Demo sign-ins (console and admin):",
    "  agent   maria@demo.baton / demo",
    "  admin   admin@demo.baton / admin",
    "",
    input.hours === "always-open" ? "Teams (BATON_HOURS=always-open: every team open around the clock):" : "Teams now:",
    ...open.map((t) => `  open     ${t.name}`),
    ...closed.map((t) => `  closed   ${t.name}, opens ${formatPromise(nextOpen(t.calendar, now), t.calendar.timeZone, "en-US", now)}`),
  ];
  if (closed.length > 0) {
    lines.push(
      "",
      open.length === 0
        ? "Every team is closed now: a chat that asks for a person is offered leave-a-message."
        : "A chat for a closed team is offered leave-a-message.",
      "To try the live handoff out of hours:  BATON_HOURS=always-open npm start",
    );
  }
  lines.push("");
  return lines.join("\n");
}
