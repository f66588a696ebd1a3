import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import type { PresentedMessage, VisitorStatus } from "../../src/app/events.js";
import { ChatClient } from "./chat-client.js";
import { memoryStorage } from "./storage.js";

type Handler = (payload: Record<string, unknown>) => { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } } | "drop";

/** A socket.io client stand-in: the test plays the server (handlers) and the network (up/down). */
class FakeSocket {
  connected = false;
  active = true;
  auth: unknown = null;
  readonly sent: { event: string; payload: unknown }[] = [];
  readonly #on = new Map<string, ((...a: unknown[]) => void)[]>();
  constructor(readonly handlers: Record<string, Handler>) {}
  on(event: string, fn: (...a: unknown[]) => void) {
    this.#on.set(event, [...(this.#on.get(event) ?? []), fn]);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const fn of this.#on.get(event) ?? []) fn(...args);
  }
  up() {
    this.connected = true;
    this.fire("connect");
  }
  down() {
    this.connected = false;
    this.fire("disconnect", "transport close");
  }
  connect() {}
  close() {}
  emit(event: string, payload: unknown) {
    this.sent.push({ event, payload });
  }
  timeout() {
    return {
      emitWithAck: async (event: string, payload: Record<string, unknown>) => {
        this.sent.push({ event, payload });
        await Promise.resolve();
        if (!this.connected) throw new Error("disconnected");
        const answer = this.handlers[event]?.(payload) ?? { ok: false, error: { code: "unknown", message: event } };
        if (answer === "drop") throw new Error("operation has timed out");
        return answer;
      },
    };
  }
}

const status: VisitorStatus = { conversationId: "c1", state: "bot", agent: null, wait: null, async: null };

function setup(storage = memoryStorage()) {
  const stored: PresentedMessage[] = [];
  let n = 0;
  let dropAcks = false;
  const store = (cmid: string, text: string): PresentedMessage => {
    const found = stored.find((m) => m.clientMessageId === cmid);
    if (found) return found;
    const m: PresentedMessage = { id: `m${++n}`, conversationId: "c1", clientMessageId: cmid, author: "visitor", authorName: "Visitor", text, at: n };
    stored.push(m);
    return m;
  };
  const socket = new FakeSocket({
    history: () => ({ ok: true, data: { status, messages: [...stored], inbox: [] } }),
    "message:send": (p) => {
      if (String(p.text).length > 20) return { ok: false, error: { code: "invalid_input", message: "too long" } };
      const message = store(String(p.clientMessageId), String(p.text));
      return dropAcks ? "drop" : { ok: true, data: { message, duplicate: false } };
    },
  });
  let ids = 0;
  const client = new ChatClient({
    origin: "https://baton.example",
    storage,
    locale: "en-GB",
    timeZone: "Europe/London",
    page: () => ({ url: "https://shop.example/", title: "Shop" }),
    connect: (_origin, token) => {
      socket.auth = { token };
      return socket as unknown as Socket;
    },
    newId: () => `cid-${++ids}`,
    fetch: (async () =>
      new Response(JSON.stringify({ token: "tok", resumeToken: "resume-1", visitorId: "v1", conversationId: "c1", status, messages: [...stored], inbox: [] }), {
        status: 200,
      })) as typeof fetch,
  });
  return { client, socket, stored, storage, dropAcks: (v: boolean) => (dropAcks = v) };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe("ChatClient", () => {
  it("opens the session, keeps the token, and connects with it", async () => {
    const { client, socket, storage } = setup();
    await client.start();
    socket.up();
    await settle();
    expect(storage.getItem("token")).toBe("tok");
    expect(storage.getItem("resumeToken")).toBe("resume-1");
    expect(storage.getItem("visitorId")).toBeNull();
    expect(socket.auth).toEqual({ token: "tok" });
    expect(client.state.connection).toBe("online");
  });

  it("holds a message typed while offline and delivers it once on reconnect", async () => {
    const { client, socket, stored } = setup();
    await client.start();
    socket.up();
    await settle();
    socket.down();
    expect(client.state.connection).toBe("reconnecting");
    client.send("typed offline");
    await settle();
    expect(client.state.messages.map((m) => [m.text, m.pending])).toEqual([["typed offline", true]]);
    socket.up();
    await settle();
    expect(stored.map((m) => m.text)).toEqual(["typed offline"]);
    expect(client.state.messages.map((m) => [m.id, m.pending])).toEqual([["m1", false]]);
  });

  it("after a lost ack, the history shows the stored message once and the outbox forgets it", async () => {
    const { client, socket, stored, storage, dropAcks } = setup();
    await client.start();
    socket.up();
    await settle();
    dropAcks(true);
    client.send("hello");
    await settle();
    expect(stored).toHaveLength(1);
    expect(storage.getItem("outbox")).not.toBeNull();
    dropAcks(false);
    socket.down();
    socket.up();
    await settle();
    expect(client.state.messages.map((m) => m.id)).toEqual(["m1"]);
    expect(storage.getItem("outbox")).toBeNull();
    // Re-sent at most as the same clientMessageId: the server stored one message.
    expect(new Set(socket.sent.filter((s) => s.event === "message:send").map((s) => (s.payload as { clientMessageId: string }).clientMessageId)).size).toBe(1);
    expect(stored).toHaveLength(1);
  });

  it("survives a reload: the outbox of the last page is sent by the next one", async () => {
    const storage = memoryStorage();
    const first = setup(storage);
    await first.client.start();
    first.client.send("before reload");
    await settle();
    const second = setup(storage);
    await second.client.start();
    second.socket.up();
    await settle();
    expect(second.stored.map((m) => m.text)).toEqual(["before reload"]);
  });

  it("marks a message the server refuses and does not retry it", async () => {
    const { client, socket, storage } = setup();
    await client.start();
    socket.up();
    client.send("this message is far too long for the fake server");
    await settle();
    expect(client.state.messages[0]?.failed).toBe("too long");
    expect(storage.getItem("outbox")).toBeNull();
  });

  it("draws server events: messages once, status, CSAT requests", async () => {
    const { client, socket } = setup();
    await client.start();
    socket.up();
    await settle();
    const bot: PresentedMessage = { id: "b1", conversationId: "c1", clientMessageId: null, author: "bot", authorName: "Baton bot", text: "Hi", at: 1 };
    socket.fire("message", bot);
    socket.fire("message", bot);
    socket.fire("message", { ...bot, id: "x", conversationId: "other" });
    expect(client.state.messages.map((m) => m.id)).toEqual(["b1"]);
    socket.fire("status", { ...status, state: "resolved" });
    expect(client.state.csat).toBe("asking");
    socket.fire("csat:request", {});
    expect(client.state.csat).toBe("asking");
  });
});
