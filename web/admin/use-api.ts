import { useCallback, useEffect, useState } from "preact/hooks";
import { api } from "../shared/api.js";

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: string | null;
  readonly reload: () => void;
}

/** GETs `path` with the admin's token on mount (and when `path` changes or `reload` is called). */
export function useApi<T>(path: string, token: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    api<T>(path, { token, signal: ctrl.signal }).then(
      (d) => {
        setData(d);
        setError(null);
      },
      (err: Error) => {
        if (err.name !== "AbortError") setError(err.message);
      },
    );
    return () => ctrl.abort();
  }, [path, token, round]);
  return { data, error, reload: useCallback(() => setRound((r) => r + 1), []) };
}
