/** Payloads of the admin endpoints, typed from the server's own types. */
import type { SeamReport } from "../../src/core/metrics/seam-report.js";
import type { RoutingRule, Team } from "../../src/core/model.js";
import type { RuleFacts, RuleVerdict } from "../../src/core/rules/explain-match.js";

export type { RoutingRule, RuleFacts, RuleVerdict, SeamReport, Team };

/** GET /api/admin/config */
export interface AdminConfig {
  readonly rules: readonly RoutingRule[];
  readonly teams: readonly Team[];
  readonly yaml: string;
}

/** GET /api/agents */
export interface AgentRow {
  readonly id: string;
  readonly name: string;
  readonly teams: readonly string[];
  readonly presence: "online" | "away" | "offline";
  readonly load: { readonly active: number; readonly cap: number };
}
