import { useState } from "preact/hooks";
import { api } from "../shared/api.js";
import type { AgentInfo, CannedResponse, TeamInfo } from "./types.js";

export interface CannedViewProps {
  readonly token: string;
  readonly me: AgentInfo;
  readonly teams: readonly TeamInfo[];
  readonly canned: readonly CannedResponse[];
  /** Reads the list again after a change. */
  readonly reload: () => void;
}

const EMPTY = { id: null as string | null, team: "", shortcut: "", title: "", text: "" };

/**
 * The canned responses an agent may use, and the form to add or change those they may manage:
 * their own, and (admins) a team's. Variables are filled when one is inserted with "/".
 */
export function CannedView({ token, me, teams, canned, reload }: CannedViewProps) {
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const admin = me.role === "admin";
  const mayManage = (c: CannedResponse) => (c.team === null ? c.ownerId === me.id : admin);
  const save = async () => {
    setError(null);
    try {
      const body = { team: form.team === "" ? null : form.team, shortcut: form.shortcut.trim(), title: form.title, text: form.text };
      await api(form.id === null ? "/api/canned" : `/api/canned/${encodeURIComponent(form.id)}`, { method: form.id === null ? "POST" : "PUT", body, token });
      setForm(EMPTY);
      reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const remove = (c: CannedResponse) =>
    void api(`/api/canned/${encodeURIComponent(c.id)}`, { method: "DELETE", token }).then(reload, (err: Error) => setError(err.message));
  return (
    <div class="canned-view">
      <form
        class="canned-form"
        aria-label={form.id === null ? "New canned response" : "Edit canned response"}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          Shortcut
          <input value={form.shortcut} placeholder="refund" maxLength={32} required onInput={(e) => setForm({ ...form, shortcut: e.currentTarget.value.toLowerCase() })} />
        </label>
        <label>
          Title
          <input value={form.title} maxLength={100} required onInput={(e) => setForm({ ...form, title: e.currentTarget.value })} />
        </label>
        <label>
          Text
          <textarea rows={3} value={form.text} maxLength={4000} required placeholder="Hi {visitor.first_name}, order {field.order_number}…" onInput={(e) => setForm({ ...form, text: e.currentTarget.value })} />
        </label>
        {admin && (
          <label>
            For
            <select value={form.team} onChange={(e) => setForm({ ...form, team: e.currentTarget.value })}>
              <option value="">Just me</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  Team {t.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          {form.id !== null && (
            <button type="button" onClick={() => setForm(EMPTY)}>
              Cancel
            </button>
          )}
          <button type="submit" class="primary">
            {form.id === null ? "Add" : "Save"}
          </button>
        </div>
      </form>
      <ul class="canned-list" aria-label="Canned responses you can use">
        {canned.map((c) => (
          <li key={c.id} class="card">
            <span class="canned-shortcut">/{c.shortcut}</span> <b>{c.title}</b> <span class="badge">{c.team === null ? "mine" : c.team}</span>
            <p class="canned-text muted">{c.text}</p>
            {mayManage(c) && (
              <div class="canned-actions">
                <button type="button" class="link" onClick={() => setForm({ id: c.id, team: c.team ?? "", shortcut: c.shortcut, title: c.title, text: c.text })}>
                  Edit
                </button>
                <button type="button" class="link" onClick={() => remove(c)}>
                  Delete
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
