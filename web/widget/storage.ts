/** The little the widget keeps between page loads: session token, visitor id, outbox, CSAT done. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** In-memory storage, for tests and for browsers that refuse localStorage (private modes, sandboxes). */
export function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** localStorage under a "baton:" prefix; falls back to memory when it is unavailable or full. */
export function browserStorage(): KeyValueStorage {
  const fallback = memoryStorage();
  const ls = (): Storage | null => {
    try {
      return globalThis.localStorage ?? null;
    } catch {
      return null;
    }
  };
  const key = (k: string) => `baton:${k}`;
  return {
    getItem(k) {
      try {
        return ls()?.getItem(key(k)) ?? fallback.getItem(k);
      } catch {
        return fallback.getItem(k);
      }
    },
    setItem(k, v) {
      fallback.setItem(k, v);
      try {
        ls()?.setItem(key(k), v);
      } catch {
        // quota or privacy mode: memory only
      }
    },
    removeItem(k) {
      fallback.removeItem(k);
      try {
        ls()?.removeItem(key(k));
      } catch {
        // ignore
      }
    },
  };
}

/** Reads JSON, or `fallback` when the value is missing or unreadable. */
export function readJson<T>(storage: KeyValueStorage, key: string, fallback: T): T {
  const raw = storage.getItem(key);
  if (raw === null) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}
