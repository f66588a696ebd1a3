import { type KeyValueStorage, readJson } from "./storage.js";

/** A visitor message not yet acknowledged by the server. */
export interface OutboxItem {
  readonly clientMessageId: string;
  readonly text: string;
  readonly page: { readonly url: string; readonly title: string };
  /** Browser time it was typed (for ordering among pending messages only). */
  readonly at: number;
  /** A bot quick reply's payload (the text is its title). */
  readonly payload?: string;
}

const KEY = "outbox";

/**
 * Messages kept until the server acks them, so a reload, a dropped connection or a server
 * restart never loses one. Re-sending is safe: the server is idempotent by clientMessageId.
 */
export class Outbox {
  #items: OutboxItem[];

  constructor(private readonly storage: KeyValueStorage) {
    const stored = readJson<unknown>(storage, KEY, []);
    this.#items = Array.isArray(stored) ? stored.filter(isItem) : [];
  }

  get items(): readonly OutboxItem[] {
    return this.#items;
  }

  add(item: OutboxItem): void {
    if (this.#items.some((i) => i.clientMessageId === item.clientMessageId)) return;
    this.#items = [...this.#items, item];
    this.#save();
  }

  remove(clientMessageId: string): void {
    const next = this.#items.filter((i) => i.clientMessageId !== clientMessageId);
    if (next.length === this.#items.length) return;
    this.#items = next;
    this.#save();
  }

  /** Forgets every unsent message (sign-out: they belong to the visitor who left). */
  clear(): void {
    this.#items = [];
    this.#save();
  }

  has(clientMessageId: string): boolean {
    return this.#items.some((i) => i.clientMessageId === clientMessageId);
  }

  #save(): void {
    if (this.#items.length === 0) this.storage.removeItem(KEY);
    else this.storage.setItem(KEY, JSON.stringify(this.#items));
  }
}

function isItem(x: unknown): x is OutboxItem {
  const o = x as Partial<OutboxItem> | null;
  return typeof o === "object" && o !== null && typeof o.clientMessageId === "string" && typeof o.text === "string" && typeof o.at === "number";
}
