import { useEffect, useState } from "preact/hooks";
import { formatLoad } from "../shared/format.js";
import { alertsEnabled, setAlertsEnabled } from "./notify.js";
import type { Connection, MeState, Presence } from "./types.js";

export interface TopBarProps {
  readonly me: MeState | null;
  readonly name: string;
  readonly connection: Connection;
  readonly setPresence: (p: Presence) => void;
  readonly setCap: (cap: number) => void;
  readonly signOut: () => void;
  /** Opens the keyboard shortcuts sheet. */
  readonly openHelp: () => void;
}

const PRESENCES: readonly { value: Presence; label: string }[] = [
  { value: "online", label: "Online" },
  { value: "away", label: "Away" },
  { value: "offline", label: "Offline" },
];

const CONNECTION_LABEL: Readonly<Record<Connection, string>> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
};

/** Presence, load and cap, alerts, connection, sign out. */
export function TopBar({ me, name, connection, setPresence, setCap, signOut, openHelp }: TopBarProps) {
  const [alerts, setAlerts] = useState(alertsEnabled);
  const [cap, setCapText] = useState("");
  useEffect(() => setCapText(me === null ? "" : String(me.load.cap)), [me?.load.cap]);
  const presence = me?.presence ?? "offline";
  const commitCap = () => {
    const n = Number(cap);
    if (me !== null && Number.isInteger(n) && n >= 0 && n <= 50 && n !== me.load.cap) setCap(n);
    else if (me !== null) setCapText(String(me.load.cap));
  };

  return (
    <header class="top-bar">
      <span class="brand">
        <span class="brand-mark" aria-hidden="true">
          ◆
        </span>{" "}
        Baton <span class="muted">console</span>
      </span>
      <fieldset class="segmented" aria-label="Presence">
        <legend class="visually-hidden">Presence</legend>
        {PRESENCES.map((p) => (
          <label key={p.value} class={`seg presence-${p.value}${presence === p.value ? " active" : ""}`}>
            <input
              type="radio"
              name="presence"
              value={p.value}
              checked={presence === p.value}
              disabled={me === null}
              onChange={() => setPresence(p.value)}
            />
            {p.label}
          </label>
        ))}
      </fieldset>
      <span class="load" aria-live="polite" data-testid="load">
        {me === null ? "…" : formatLoad(me.load.active, me.load.cap)}
      </span>
      <label class="cap">
        Max chats
        <input
          type="number"
          min={0}
          max={50}
          value={cap}
          disabled={me === null}
          onInput={(e) => setCapText(e.currentTarget.value)}
          onBlur={commitCap}
          onKeyDown={(e) => e.key === "Enter" && commitCap()}
        />
      </label>
      <label class="toggle">
        <input
          type="checkbox"
          checked={alerts}
          onChange={(e) => {
            setAlerts(e.currentTarget.checked);
            setAlertsEnabled(e.currentTarget.checked);
          }}
        />
        Sound &amp; notifications
      </label>
      <span class={`connection connection-${connection}`} role="status">
        {CONNECTION_LABEL[connection]}
      </span>
      <span class="spacer" />
      <button type="button" class="link shortcuts-button" onClick={openHelp} aria-keyshortcuts="?">
        Shortcuts <kbd>?</kbd>
      </button>
      <span class="who">{name}</span>
      <button type="button" class="link" onClick={signOut}>
        Sign out
      </button>
    </header>
  );
}
