import { useState } from "preact/hooks";
import { api } from "../shared/api.js";
import { ErrorNote } from "../shared/error-note.js";
import type { BotSeamSummary } from "../../src/core/metrics/index.js";
import { formatDateTime, formatPercent, formatSeconds, triggerLabel } from "../shared/format.js";
import { useApi } from "./use-api.js";

interface BotsInfo {
  readonly default: string;
  readonly sites: Readonly<Record<string, string>>;
  readonly external: readonly { id: string; kind: string; url: string; timeoutMs: number; retries: number; unavailableAfter: number; triggers: Record<string, boolean> }[];
  readonly choices: readonly string[];
}

interface DeadLetter {
  readonly id: string;
  readonly botId: string;
  readonly conversationId: string;
  readonly error: string;
  readonly attempts: number;
  readonly createdAt: number;
  readonly payload: { message?: { text?: string } };
}

/** Which bot answers each widget key (editable), the external bots, and the messages they never took. */
export function BotsView({ token }: { readonly token: string }) {
  const bots = useApi<BotsInfo>("/api/admin/bots", token);
  const letters = useApi<DeadLetter[]>("/api/admin/bots/dead-letters?limit=50", token);
  const seam = useApi<{ byBot?: BotSeamSummary[] }>("/api/metrics/seam", token);
  const [error, setError] = useState<string | null>(null);
  const [newSite, setNewSite] = useState("");
  const setBot = async (site: string, bot: string | null) => {
    try {
      await api("/api/admin/bots/sites", { method: "PUT", body: { site, bot }, token });
      setError(null);
      bots.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const choices = bots.data?.choices ?? [];
  return (
    <>
      <section class="card" aria-labelledby="bots-title">
        <h2 id="bots-title">Bots per site</h2>
        <p class="muted">
          The widget key is the script tag's <code>data-site</code>. Sites not listed get <b>{bots.data?.default ?? "builtin"}</b>. A change applies to new
          conversations.
        </p>
        <ErrorNote message={bots.error ?? error} />
        {bots.data && (
          <table class="data" aria-label="Bots per site">
            <thead>
              <tr>
                <th>Widget key</th>
                <th>Bot</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {Object.entries(bots.data.sites).map(([site, bot]) => (
                <tr key={site}>
                  <td>
                    <code>{site}</code>
                  </td>
                  <td>
                    <select aria-label={`Bot of ${site}`} value={bot} onChange={(e) => void setBot(site, e.currentTarget.value)}>
                      {choices.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" class="link" onClick={() => void setBot(site, null)}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
              <tr>
                <td>
                  <input aria-label="New widget key" placeholder="new widget key" value={newSite} onInput={(e) => setNewSite(e.currentTarget.value)} />
                </td>
                <td colSpan={2}>
                  <button type="button" disabled={newSite.trim() === ""} onClick={() => void setBot(newSite.trim(), bots.data?.default ?? "builtin").then(() => setNewSite(""))}>
                    Add
                  </button>
                </td>
              </tr>
            </tbody>
          </table>
        )}
        {bots.data && bots.data.external.length > 0 && (
          <table class="data" aria-label="External bots">
            <thead>
              <tr>
                <th>External bot</th>
                <th>Kind</th>
                <th>URL</th>
                <th>Time-out, retries, hands off after</th>
                <th>Baton triggers off</th>
              </tr>
            </thead>
            <tbody>
              {bots.data.external.map((b) => (
                <tr key={b.id}>
                  <td>
                    <code>{b.id}</code>
                  </td>
                  <td>{b.kind}</td>
                  <td>
                    <code>{b.url}</code>
                  </td>
                  <td>
                    {b.timeoutMs} ms, {b.retries}, {b.unavailableAfter} failures
                  </td>
                  <td>{Object.keys(b.triggers).filter((k) => !b.triggers[k]).join(", ") || "none"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card" aria-labelledby="seam-bots-title">
        <h2 id="seam-bots-title">The seam by bot</h2>
        <p class="muted">The last 30 days, per bot in charge: Baton's own, each external bot, and sites without a bot.</p>
        <ErrorNote message={seam.error} />
        {seam.data?.byBot && (
          <table class="data" aria-label="The seam by bot">
            <thead>
              <tr>
                <th>Bot</th>
                <th>Handoffs</th>
                <th>Why</th>
                <th>First human p50 / p90</th>
                <th>SLA met</th>
                <th>CSAT after handoff</th>
                <th>Repeat questions</th>
              </tr>
            </thead>
            <tbody>
              {seam.data.byBot.map((b) => (
                <tr key={b.bot}>
                  <td>
                    <code>{b.bot}</code>
                  </td>
                  <td>{b.handoffCount}</td>
                  <td>{b.triggers.map((t) => `${triggerLabel(t.kind)} ${t.count}`).join(", ")}</td>
                  <td>
                    {formatSeconds(b.timeToFirstHuman.p50)} / {formatSeconds(b.timeToFirstHuman.p90)}
                  </td>
                  <td>{formatPercent(b.sla.attainment)}</td>
                  <td>{b.csat.find((c) => c.segment === "post_handoff")?.mean?.toFixed(1) ?? "–"}</td>
                  <td>{formatPercent(b.repeatQuestions.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card" aria-labelledby="dead-title">
        <h2 id="dead-title">Dead letters</h2>
        <p class="muted">Visitor messages an external bot never took (every attempt failed), newest first.</p>
        <ErrorNote message={letters.error} />
        {letters.data && letters.data.length === 0 && <p>None.</p>}
        {letters.data && letters.data.length > 0 && (
          <table class="data" aria-label="Dead letters">
            <thead>
              <tr>
                <th>When</th>
                <th>Bot</th>
                <th>Message</th>
                <th>Attempts</th>
                <th>Last error</th>
              </tr>
            </thead>
            <tbody>
              {letters.data.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.createdAt)}</td>
                  <td>
                    <code>{d.botId}</code>
                  </td>
                  <td>{d.payload.message?.text ?? ""}</td>
                  <td>{d.attempts}</td>
                  <td>{d.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
