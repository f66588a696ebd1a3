import { useEffect, useState } from "preact/hooks";
import { loadSession, type StoredSession, saveSession } from "../shared/api.js";
import { SignIn } from "../console/sign-in.js";
import type { AgentInfo } from "../console/types.js";
import { AgentsView } from "./agents-view.js";
import { BotsView } from "./bots-view.js";
import { Dashboard } from "./dashboard.js";
import { RulesView } from "./rules-view.js";
import { SimulatorView } from "./simulator-view.js";
import { TeamsView } from "./teams-view.js";

const SESSION_KEY = "baton.admin.session";
const PAGES = [
  { id: "rules", label: "Routing rules" },
  { id: "teams", label: "Teams and hours" },
  { id: "agents", label: "Agents" },
  { id: "bots", label: "Bots" },
  { id: "dashboard", label: "Dashboard" },
  { id: "simulator", label: "Simulator" },
] as const;
type PageId = (typeof PAGES)[number]["id"];

const pageFromHash = (): PageId => {
  const id = location.hash.replace(/^#/, "");
  return PAGES.some((p) => p.id === id) ? (id as PageId) : "rules";
};

/** The admin page: routing rules (view, edit, explain), teams, agents and the seam dashboard. Admins only. */
export function AdminApp() {
  const [session, setSession] = useState<StoredSession<AgentInfo> | null>(() => loadSession<AgentInfo>(SESSION_KEY));
  const [page, setPage] = useState<PageId>(pageFromHash);
  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const signOut = () => {
    saveSession(SESSION_KEY, null);
    setSession(null);
  };

  if (session === null) {
    return (
      <SignIn
        title="Baton admin"
        hint="Routing rules, teams and the seam dashboard. Admins only."
        onSignedIn={(s) => {
          saveSession(SESSION_KEY, s);
          setSession(s);
        }}
      />
    );
  }
  if (session.agent.role !== "admin") {
    return (
      <main class="sign-in">
        <div class="card sign-in-card">
          <h1>Admins only</h1>
          <p>{session.agent.name} is signed in as an agent. The agent console is at <a href="../console/">/console/</a>.</p>
          <button type="button" onClick={signOut}>
            Sign in as someone else
          </button>
        </div>
      </main>
    );
  }
  const { token } = session;
  return (
    <div class="admin">
      <header class="top-bar">
        <span class="brand">
          <span class="brand-mark" aria-hidden="true">
            ◆
          </span>{" "}
          Baton <span class="muted">admin</span>
        </span>
        <span class="spacer" />
        <span class="who">{session.agent.name}</span>
        <button type="button" class="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      <nav class="admin-nav" aria-label="Admin sections">
        {PAGES.map((p) => (
          <button
            key={p.id}
            type="button"
            aria-current={page === p.id ? "page" : undefined}
            onClick={() => {
              location.hash = p.id;
              setPage(p.id);
            }}
          >
            {p.label}
          </button>
        ))}
      </nav>
      <main class="admin-main">
        {page === "rules" && <RulesView token={token} />}
        {page === "teams" && <TeamsView token={token} />}
        {page === "agents" && <AgentsView token={token} />}
        {page === "bots" && <BotsView token={token} />}
        {page === "dashboard" && <Dashboard token={token} />}
        {page === "simulator" && <SimulatorView token={token} />}
      </main>
    </div>
  );
}
