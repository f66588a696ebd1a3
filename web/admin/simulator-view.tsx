import { useState } from "preact/hooks";
import { api } from "../shared/api.js";
import { useApi } from "./use-api.js";

interface Scenario {
  readonly file: string;
  readonly yaml: string;
}

interface PolicyRow {
  readonly policy: string;
  readonly live: number;
  readonly async: number;
  readonly abandonmentRate: number | null;
  readonly sla: { readonly attainment: number | null };
  readonly qualified: { readonly attainment: number | null };
  readonly asyncPath: { readonly stranded: number; readonly strandedOffered: number };
  readonly wait: { readonly p50: number | null; readonly p90: number | null };
  readonly occupancy: number | null;
  readonly misrouteRate: number | null;
}

interface SimResult {
  readonly report: {
    readonly scenario: string;
    readonly agents: number;
    readonly durationHours: number;
    readonly policies: readonly PolicyRow[];
    readonly bound: { readonly sla: { readonly attainment: number | null } };
  };
  readonly html: string;
}

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const points = (x: number | null, of: number | null) =>
  x === null || of === null ? "—" : `${x >= of ? "+" : "−"}${Math.abs((x - of) * 100).toFixed(1)} pts`;
const secs = (x: number | null) => (x === null ? "—" : `${Math.round(x)} s`);

/**
 * The scenario the page opens on: a day shift short of staff, where the policies differ (a queue,
 * abandonment, SLA misses). The night scenario run from 10:00 has nobody rostered: all abandoned.
 */
export const DEFAULT_SCENARIO = "staffing-shortfall.yaml";

/** "07:00" from a scenario's `start: "2026-03-10T07:00"` (its own first hour), or null. */
export function scenarioStartTime(yaml: string): string | null {
  return /^start:\s*["']?\d{4}-\d\d-\d\dT(\d\d:\d\d)/m.exec(yaml)?.[1] ?? null;
}

/**
 * What-if runs from the admin: pick a shipped scenario (or edit its YAML), run a window of it
 * against Baton's router and the peer policies, read the table and the charted report.
 * Full days belong to `npm run simulate`; this page runs up to 8 hours in the server.
 */
export function SimulatorView({ token }: { readonly token: string }) {
  const scenarios = useApi<Scenario[]>("/api/admin/scenarios", token);
  // Null until the admin picks or edits: then the default scenario (drawn at once, no effect to race a click).
  const [picked, setFile] = useState<string | null>(null);
  const [edited, setYaml] = useState<string | null>(null);
  const [hours, setHours] = useState(2);
  const [chosenStart, setStartTime] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<SimResult | null>(null);
  // A scenario runs from its own start time unless the admin picks another (a night from 18:00).
  const choose = (name: string) => {
    const text = scenarios.data?.find((s) => s.file === name)?.yaml ?? "";
    setFile(name);
    setYaml(text);
    setStartTime(scenarioStartTime(text) ?? "10:00");
    setResult(null);
  };
  const fallback = scenarios.data?.find((s) => s.file === DEFAULT_SCENARIO) ?? scenarios.data?.[0];
  const file = picked ?? fallback?.file ?? null;
  const yaml = edited ?? fallback?.yaml ?? "";
  const startTime = chosenStart ?? scenarioStartTime(yaml) ?? "10:00";

  const run = async (e: Event) => {
    e.preventDefault();
    setRunning(true);
    setError(null);
    try {
      setResult(await api<SimResult>("/api/admin/simulate", { body: { yaml, hours, startTime }, token }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section class="card" aria-labelledby="sim-title">
      <h2 id="sim-title">What-if simulator</h2>
      <p class="muted">
        Generated traffic against the production router, round-robin and least-busy on the same arrivals, with the Erlang-C bound.
      </p>
      <form onSubmit={run} class="sim-form">
        <label>
          Scenario{" "}
          <select aria-label="Scenario" value={file ?? ""} onChange={(e) => choose((e.target as HTMLSelectElement).value)}>
            {(scenarios.data ?? []).map((s) => (
              <option key={s.file} value={s.file}>
                {s.file}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          From{" "}
          <input type="time" aria-label="From" value={startTime} onInput={(e) => setStartTime((e.target as HTMLInputElement).value)} />
        </label>{" "}
        <label>
          Hours{" "}
          <input
            type="number"
            min={0.25}
            max={8}
            step={0.25}
            value={hours}
            onInput={(e) => setHours(Number((e.target as HTMLInputElement).value))}
          />
        </label>
        <label class="block">
          Scenario YAML
          <textarea aria-label="Scenario YAML" rows={12} spellcheck={false} value={yaml} onInput={(e) => setYaml((e.target as HTMLTextAreaElement).value)} />
        </label>
        <button type="submit" disabled={running || yaml.trim() === ""}>
          {running ? "Running…" : "Run"}
        </button>
      </form>
      {scenarios.error !== null && <p role="alert">{scenarios.error}</p>}
      {error !== null && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {result !== null && (
        <>
          <table class="data" aria-label="Simulation results">
            <thead>
              <tr>
                <th>policy</th>
                <th>live</th>
                <th>async</th>
                <th>SLA</th>
                <th title="Answered within the SLA by an agent with the rule's skills and the visitor's language (natively or by translation)">qualified</th>
                <th title="Qualified minus the Erlang-C bound's SLA">vs bound</th>
                <th>wait p50</th>
                <th>wait p90</th>
                <th>abandoned</th>
                <th>occupancy</th>
                <th>misrouted</th>
                <th title="Queued with no agent on shift who could take the chat; of them, offered the async path">stranded (offered)</th>
              </tr>
            </thead>
            <tbody>
              {result.report.policies.map((p) => (
                <tr key={p.policy}>
                  <td>{p.policy}</td>
                  <td>{p.live}</td>
                  <td>{p.async}</td>
                  <td>{pct(p.sla.attainment)}</td>
                  <td>{pct(p.qualified.attainment)}</td>
                  <td>{points(p.qualified.attainment, result.report.bound.sla.attainment)}</td>
                  <td>{secs(p.wait.p50)}</td>
                  <td>{secs(p.wait.p90)}</td>
                  <td>{pct(p.abandonmentRate)}</td>
                  <td>{pct(p.occupancy)}</td>
                  <td>{pct(p.misrouteRate)}</td>
                  <td>
                    {p.asyncPath.stranded} ({p.asyncPath.strandedOffered})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <iframe title="Simulation report" class="sim-report" sandbox="" srcdoc={result.html} />
        </>
      )}
    </section>
  );
}
