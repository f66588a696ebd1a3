import type { VisitorStatus } from "../../src/app/events.js";
import { localizeBucket, replyWhen, type Translate } from "../shared/i18n.js";

/**
 * The header's status line, true to the conversation's state: the assistant while the bot has
 * the chat; the queue position and wait (or that a person is being found) while queued; the
 * agent's name once one has it; away with the promised reply time on the async path.
 * @example
 * headerStatus({ state: "assigned", agent: { name: "María", team: null }, ... }, t); // "You are chatting with María"
 */
export function headerStatus(status: VisitorStatus | null, t: Translate): string {
  switch (status?.state) {
    case undefined:
    case "bot":
      return t("subtitleBot");
    case "queued":
    case "offered":
      return status.wait === null
        ? t("subtitleFinding")
        : t("subtitleQueuedShort", { position: status.wait.position, bucket: localizeBucket(status.wait.bucket, t) });
    case "assigned":
      return status.agent === null ? t("subtitleFinding") : t("subtitleAgent", { name: status.agent.name });
    case "async":
      return t("subtitleAway", { when: replyWhen(status.async?.promisedText ?? "", t) });
    case "resolved":
      return t("subtitleResolved");
  }
}
