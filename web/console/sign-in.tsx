import { useState } from "preact/hooks";
import { ApiError, api, type StoredSession } from "../shared/api.js";
import type { AgentInfo } from "./types.js";
import { ErrorNote } from "../shared/error-note.js";

export interface SignInProps {
  readonly title: string;
  readonly hint?: string;
  readonly onSignedIn: (session: StoredSession<AgentInfo>) => void;
}

/** The sign-in form (POST /api/agent/login); used by the console and the admin page. */
export function SignIn({ title, hint, onSignedIn }: SignInProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api<StoredSession<AgentInfo>>("/api/agent/login", { body: { email: email.trim(), password } }));
    } catch (err) {
      setError(err instanceof ApiError && err.status === 400 ? "Enter a valid e-mail address and your password." : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in">
      <form class="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">
          <span class="brand-mark" aria-hidden="true">
            ◆
          </span>{" "}
          {title}
        </h1>
        {hint && <p class="muted">{hint}</p>}
        <label>
          E-mail
          <input type="email" name="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <ErrorNote message={error} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
