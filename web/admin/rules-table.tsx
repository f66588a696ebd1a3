import { formatSeconds } from "../shared/format.js";
import type { RoutingRule } from "./types.js";

const list = (xs: readonly string[] | undefined) => (xs === undefined ? null : xs.join(", "));

/** The `when` of a rule in words: "topics billing, cancellation · tiers vip". */
export function describeWhen(rule: RoutingRule): string {
  const w = rule.when;
  const parts = [
    list(w.topics) && `topic ${list(w.topics)}`,
    list(w.triggers) && `trigger ${list(w.triggers)}`,
    list(w.tiers) && `tier ${list(w.tiers)}`,
    list(w.languages) && `language ${list(w.languages)}`,
    list(w.notLanguages) && `language not ${list(w.notLanguages)}`,
    w.afterHours === undefined ? null : w.afterHours ? "after hours" : "within hours",
  ].filter((p): p is string => Boolean(p));
  return parts.length === 0 ? "anything" : parts.join(" · ");
}

function describeTarget(rule: RoutingRule): string {
  const t = rule.target;
  const parts = [
    t.team === null ? "any team" : `team ${t.team}`,
    t.skills.length === 0 ? null : `skills ${t.skills.join(", ")}`,
    t.tier === "any" ? null : t.tier === "senior" ? "senior agents" : "named CSM",
    t.allowTranslation ? "translation allowed" : null,
  ].filter((p): p is string => p !== null);
  return parts.join(" · ");
}

/** The routing-rules table, in order (first match wins). */
export function RulesTable({ rules }: { readonly rules: readonly RoutingRule[] }) {
  return (
    <table class="data" aria-label="Routing rules">
      <thead>
        <tr>
          <th class="num">#</th>
          <th>Rule</th>
          <th>When</th>
          <th>Target</th>
          <th class="num">Priority</th>
          <th class="num">SLA</th>
          <th>Async</th>
          <th>Escalation</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r, i) => (
          <tr key={r.id}>
            <td class="num">{i + 1}</td>
            <td>
              <b>{r.name}</b>
              <br />
              <code>{r.id}</code>
            </td>
            <td>{describeWhen(r)}</td>
            <td>{describeTarget(r)}</td>
            <td class="num">{r.priority}</td>
            <td class="num">{formatSeconds(r.slaSeconds)}</td>
            <td>{r.async ? "inbox" : "–"}</td>
            <td>
              {r.escalation.length === 0
                ? "–"
                : r.escalation.map((e) => (
                    <div key={`${e.afterSeconds}-${e.action.kind}`}>
                      after {formatSeconds(e.afterSeconds)}: {e.action.kind.replace(/_/g, " ")}
                      {"skill" in e.action ? ` ${e.action.skill}` : "team" in e.action ? ` ${e.action.team}` : ""}
                    </div>
                  ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
