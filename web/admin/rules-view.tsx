import { ConfigEditor } from "./config-editor.js";
import { MatchForm } from "./match-form.js";
import { RulesTable } from "./rules-table.js";
import type { AdminConfig } from "./types.js";
import { useApi } from "./use-api.js";
import { ErrorNote } from "../shared/error-note.js";

/** Routing rules: the table, "which rule would match", and the YAML editor. */
export function RulesView({ token }: { readonly token: string }) {
  const config = useApi<AdminConfig>("/api/admin/config", token);
  return (
    <>
      <section class="card" aria-labelledby="rules-title">
        <h2 id="rules-title">Routing rules</h2>
        <p class="muted">Read top to bottom: the first rule whose conditions match takes the chat.</p>
        <ErrorNote message={config.error} />
        {config.data ? <RulesTable rules={config.data.rules} /> : !config.error && <p class="muted">Loading…</p>}
      </section>
      <MatchForm token={token} />
      {config.data && <ConfigEditor token={token} yaml={config.data.yaml} saved={config.reload} />}
    </>
  );
}
