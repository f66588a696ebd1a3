import { useState } from "preact/hooks";
import { TOPICS, TRIGGER_KINDS } from "../../src/core/model.js";
import { api } from "../shared/api.js";
import { triggerLabel } from "../shared/format.js";
import type { RuleFacts, RuleVerdict } from "./types.js";
import { ErrorNote } from "../shared/error-note.js";

const TIERS = ["standard", "vip", "enterprise"] as const;

/** "Which rule would match?": facts in, every rule's verdict and reasons out (POST /api/admin/rules/match). */
export function MatchForm({ token }: { readonly token: string }) {
  const [facts, setFacts] = useState<RuleFacts>({ topic: "billing", trigger: "explicit_request", tier: "standard", language: "en", afterHours: false });
  const [verdicts, setVerdicts] = useState<readonly RuleVerdict[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof RuleFacts>(k: K, v: RuleFacts[K]) => setFacts((f) => ({ ...f, [k]: v }));

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      setVerdicts(await api<RuleVerdict[]>("/api/admin/rules/match", { body: facts, token }));
    } catch (err) {
      setError((err as Error).message);
      setVerdicts(null);
    }
  };
  const chosen = verdicts?.find((v) => v.chosen);

  return (
    <section class="card" aria-labelledby="match-title">
      <h2 id="match-title">Which rule would match?</h2>
      <form class="form-row" onSubmit={submit}>
        <label>
          Topic
          <select value={facts.topic} onChange={(e) => set("topic", e.currentTarget.value as RuleFacts["topic"])}>
            {TOPICS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Trigger
          <select value={facts.trigger} onChange={(e) => set("trigger", e.currentTarget.value as RuleFacts["trigger"])}>
            {TRIGGER_KINDS.map((t) => (
              <option key={t} value={t}>
                {t} ({triggerLabel(t)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Customer tier
          <select value={facts.tier} onChange={(e) => set("tier", e.currentTarget.value as RuleFacts["tier"])}>
            {TIERS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Language
          <input size={6} value={facts.language} required minLength={2} maxLength={10} onInput={(e) => set("language", e.currentTarget.value.trim())} />
        </label>
        <label class="inline">
          <input type="checkbox" checked={facts.afterHours} onChange={(e) => set("afterHours", e.currentTarget.checked)} />
          After hours
        </label>
        <button type="submit" class="primary">
          Explain
        </button>
      </form>
      <ErrorNote message={error} />
      {verdicts && (
        <div aria-live="polite">
          <p class="match-result" data-testid="match-result">
            {chosen ? (
              <>
                Matches <b>{chosen.rule.name}</b> (<code>{chosen.rule.id}</code>)
              </>
            ) : (
              "No rule matches."
            )}
          </p>
          <table class="data compact" aria-label="Rule verdicts">
            <thead>
              <tr>
                <th>Rule</th>
                <th>Verdict</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {verdicts.map((v) => (
                <tr key={v.rule.id} class={v.chosen ? "chosen" : v.matched ? "" : "unmatched"}>
                  <td>
                    <code>{v.rule.id}</code>
                  </td>
                  <td>{v.chosen ? <span class="badge ok">chosen</span> : v.matched ? "matches, but shadowed" : "no match"}</td>
                  <td>
                    <ul class="reasons">
                      {v.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
