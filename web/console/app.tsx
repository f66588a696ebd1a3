import { useState } from "preact/hooks";
import { loadSession, type StoredSession, saveSession } from "../shared/api.js";
import { ConsoleApp } from "./console-app.js";
import { SignIn } from "./sign-in.js";
import type { AgentInfo } from "./types.js";

const SESSION_KEY = "baton.console.session";

/** The console: the sign-in form, then the agent's workspace. */
export function App() {
  const [session, setSession] = useState<StoredSession<AgentInfo> | null>(() => loadSession<AgentInfo>(SESSION_KEY));
  const [message, setMessage] = useState<string | undefined>(undefined);
  if (session === null) {
    return (
      <SignIn
        title="Baton agent console"
        hint={message ?? "Sign in with your agent account."}
        onSignedIn={(s) => {
          saveSession(SESSION_KEY, s);
          setMessage(undefined);
          setSession(s);
        }}
      />
    );
  }
  return (
    <ConsoleApp
      key={session.token}
      token={session.token}
      agent={session.agent}
      signOut={(why) => {
        saveSession(SESSION_KEY, null);
        setMessage(why);
        setSession(null);
      }}
    />
  );
}
