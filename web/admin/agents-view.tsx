import { useEffect } from "preact/hooks";
import { formatLoad } from "../shared/format.js";
import type { AgentRow } from "./types.js";
import { useApi } from "./use-api.js";
import { ErrorNote } from "../shared/error-note.js";

/** The roster with live presence and load (refreshed every 10 s). */
export function AgentsView({ token }: { readonly token: string }) {
  const agents = useApi<AgentRow[]>("/api/agents", token);
  useEffect(() => {
    const t = setInterval(agents.reload, 10_000);
    return () => clearInterval(t);
  }, [agents.reload]);
  return (
    <section class="card" aria-labelledby="agents-title">
      <h2 id="agents-title">Agents</h2>
      <ErrorNote message={agents.error} />
      {agents.data && (
        <table class="data" aria-label="Agents">
          <thead>
            <tr>
              <th>Name</th>
              <th>Teams</th>
              <th>Presence</th>
              <th>Load</th>
            </tr>
          </thead>
          <tbody>
            {agents.data.map((a) => (
              <tr key={a.id}>
                <td>
                  <b>{a.name}</b> <code>{a.id}</code>
                </td>
                <td>{a.teams.join(", ")}</td>
                <td>
                  <span class={`badge ${a.presence === "online" ? "ok" : ""}`}>{a.presence}</span>
                </td>
                <td>{formatLoad(a.load.active, a.load.cap)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
