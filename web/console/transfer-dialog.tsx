import { useEffect, useRef, useState } from "preact/hooks";
import { formatLoad } from "../shared/format.js";
import type { Colleague, TeamInfo } from "./types.js";
import { ErrorNote } from "../shared/error-note.js";

export type TransferTarget = { readonly agentId: string } | { readonly team: string };

export interface TransferDialogProps {
  readonly myId: string;
  readonly colleagues: readonly Colleague[];
  readonly teams: readonly TeamInfo[];
  readonly transfer: (to: TransferTarget, note: string) => Promise<void>;
  readonly close: () => void;
}

/** Transfer to a colleague or a team, with the note the next person reads first (required). */
export function TransferDialog({ myId, colleagues, teams, transfer, close }: TransferDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<"agent" | "team">("agent");
  // Online with a free slot first, then online and full, away, offline; the lighter load first.
  const rank = (c: Colleague) =>
    c.presence === "online" ? (c.load.active < c.load.cap ? 0 : 1) : c.presence === "away" ? 2 : 3;
  // Admins with cap 0 never take chats.
  const others = colleagues
    .filter((c) => c.id !== myId && c.load.cap > 0)
    .sort((a, b) => rank(a) - rank(b) || a.load.active / a.load.cap - b.load.active / b.load.cap || a.name.localeCompare(b.name));
  const [agentId, setAgentId] = useState("");
  /** Whether the agent chose a colleague: the default follows live presence only until then. */
  const [chosen, setChosen] = useState(false);
  const best = others[0]?.id ?? "";
  const target = others.find((o) => o.id === agentId);
  const [team, setTeam] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  useEffect(() => {
    if (!chosen && best !== "") setAgentId(best);
  }, [best, chosen]);
  useEffect(() => {
    if (team === "" && teams[0]) setTeam(teams[0].id);
  }, [teams.length]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (note.trim() === "") {
      setError("Write a note for your colleague: what the visitor needs and what you already did.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await transfer(mode === "agent" ? { agentId } : { team }, note.trim());
      close();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} class="dialog" aria-labelledby="transfer-title" onClose={close}>
      <form onSubmit={submit} class="transfer-form">
        <h2 id="transfer-title">Transfer the chat</h2>
        <fieldset class="field">
          <legend>Transfer to</legend>
          <div class="segmented">
            <label class={`seg${mode === "agent" ? " active" : ""}`}>
              <input type="radio" name="transfer-mode" checked={mode === "agent"} onChange={() => setMode("agent")} />A colleague
            </label>
            <label class={`seg${mode === "team" ? " active" : ""}`}>
              <input type="radio" name="transfer-mode" checked={mode === "team"} onChange={() => setMode("team")} />A team
            </label>
          </div>
        </fieldset>
        {mode === "agent" ? (
          <div class="field">
            <label for="transfer-agent">Colleague</label>
            <select
              id="transfer-agent"
              value={agentId}
              onChange={(e) => {
                setChosen(true);
                setAgentId(e.currentTarget.value);
              }}
              required
            >
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} · {c.presence} · {formatLoad(c.load.active, c.load.cap)} · {c.teams.join(", ")}
                </option>
              ))}
            </select>
            {target !== undefined && target.presence !== "online" && (
              <p class="muted transfer-warning" role="note">
                {target.name} is {target.presence}: the chat waits for them, then goes to their team ({target.teams[0] ?? "any team"}); the visitor is told the wait.
              </p>
            )}
          </div>
        ) : (
          <div class="field">
            <label for="transfer-team">Team</label>
            <select id="transfer-team" value={team} onChange={(e) => setTeam(e.currentTarget.value)} required>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="transfer-note">Note for the next person (required)</label>
          <textarea id="transfer-note" rows={4} required value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </div>
        <ErrorNote message={error} />
        <div class="dialog-actions">
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={busy}>
            Transfer
          </button>
        </div>
      </form>
    </dialog>
  );
}
