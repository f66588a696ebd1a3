/**
 * The console's and admin page's HTTP client: JSON in, JSON out, bearer token, and one error
 * type that keeps the server's `{ code, message, details }` (config errors carry path and line).
 */

/** One problem in a config edit, as the server reports it (`details.issues`). */
export interface ConfigIssue {
  readonly path: string;
  readonly line: number | null;
  readonly message: string;
}

/** An HTTP error answered by Baton, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ConfigIssue[];

  constructor(status: number, code: string, message: string, issues: readonly ConfigIssue[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

export interface RequestOptions {
  readonly method?: "GET" | "POST" | "PUT" | "DELETE";
  readonly body?: unknown;
  readonly token?: string | null;
  readonly signal?: AbortSignal;
}

function issuesOf(details: unknown): ConfigIssue[] {
  const raw = (details as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((i: { path?: unknown; line?: unknown; message?: unknown }) =>
    typeof i?.message === "string"
      ? [{ path: typeof i.path === "string" ? i.path : "", line: typeof i.line === "number" ? i.line : null, message: i.message }]
      : [],
  );
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new ApiError(0, "network", "Baton cannot be reached. Check your connection and try again.");
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => null)) as { code?: string; message?: string; details?: unknown } | null;
  throw new ApiError(res.status, body?.code ?? "http_error", body?.message ?? `${res.status} ${res.statusText}`, issuesOf(body?.details));
}

/**
 * Calls the Baton API and returns the parsed JSON body.
 * @example
 * const me = await api<MeResponse>("/api/agent/me", { token });
 * await api("/api/admin/config", { method: "PUT", body: { yaml }, token });
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options);
  // 204 No Content (a DELETE): nothing to parse.
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Same as `api`, for text bodies (the CSV export). */
export async function apiText(path: string, options: RequestOptions = {}): Promise<string> {
  return (await send(path, options)).text();
}

/** A signed-in session kept for this browser tab (sessionStorage: one agent per tab). */
export interface StoredSession<A> {
  readonly token: string;
  readonly agent: A;
}

/** Reads the session saved under `key`, or null. */
export function loadSession<A>(key: string): StoredSession<A> | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw === null ? null : (JSON.parse(raw) as StoredSession<A>);
  } catch {
    return null;
  }
}

/** Saves (or, with null, forgets) the session under `key`. */
export function saveSession<A>(key: string, session: StoredSession<A> | null): void {
  try {
    if (session === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(session));
  } catch {
    // Private mode without storage: the session lasts as long as the page.
  }
}

/** Saves `text` as a file download (exports that need the Authorization header). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
