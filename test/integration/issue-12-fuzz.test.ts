import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { AgentFrames, controlCharacterPath, MessageText, VisitorFrames } from "../../src/server/protocol.js";
import { startTestBaton } from "../e2e/harness.js";
import { agent, type AgentClient, type VisitorClient, visitor } from "./clients.js";

/**
 * Issue 12: a small fuzz of the socket protocol. Frames are drawn from the shapes of the protocol's
 * schemas (src/server/protocol.ts), then mutated (fields swapped for any JSON, control characters and
 * oversized text spliced in, fields dropped, unknown events). The server never crashes, answers every
 * frame (unknown events with `not_found`, at once), never answers `internal`, and stores nothing a
 * schema would refuse.
 */

const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);
type Baton = Awaited<ReturnType<typeof startTestBaton>>;

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("Can I talk to a person please?", "I have a question about my invoice", "hello\u0000", "\u0007", " ", "x".repeat(4001)),
);
const id = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom("", "c\u0000", "x".repeat(101)));

/** Plausible payloads for each frame, following the schema's fields. */
const visitorPayloads: Record<keyof typeof VisitorFrames, fc.Arbitrary<Record<string, unknown>>> = {
  "message:send": fc.record({ clientMessageId: id, text, page: fc.option(fc.record({ url: text, title: text }), { nil: undefined }) }),
  "wait:choose": fc.record({ choice: fc.constantFrom("wait", "leave", "maybe") }),
  "async:leave": fc.record({ name: fc.option(text, { nil: undefined }), email: fc.oneof(fc.emailAddress(), text), text }),
  "csat:submit": fc.record({ score: fc.oneof(fc.integer({ min: -2, max: 7 }), fc.double()), comment: fc.option(text, { nil: undefined }) }),
  history: fc.constant({}),
  typing: fc.record({ typing: fc.oneof(fc.boolean(), fc.anything()) }),
  "bot:resolved": fc.oneof(fc.constant({}), fc.record({ extra: text })),
  "transcript:email": fc.record({ email: fc.oneof(fc.emailAddress(), text) }),
  read: fc.record({ upTo: id }),
};

function agentPayloads(conversationIds: () => string[]): Record<keyof typeof AgentFrames, fc.Arbitrary<Record<string, unknown>>> {
  const conv = fc.oneof(id, fc.constant(null).map(() => conversationIds()[0] ?? "none"));
  return {
    "presence:set": fc.record({ presence: fc.constantFrom("online", "away", "offline", "gone") }),
    "cap:set": fc.record({ cap: fc.oneof(fc.integer({ min: -1, max: 60 }), fc.double()) }),
    "offer:accept": fc.record({ conversationId: conv }),
    "offer:decline": fc.record({ conversationId: conv }),
    "message:send": fc.record({ conversationId: conv, clientMessageId: id, text, translation: fc.option(fc.record({ text, edited: fc.anything() }), { nil: undefined }) }),
    "translate:preview": fc.record({ conversationId: conv, text }),
    transfer: fc.record({ conversationId: conv, to: fc.oneof(fc.record({ agentId: id }), fc.record({ team: id }), fc.anything()), note: text }),
    resolve: fc.record({ conversationId: conv }),
    "queue:take": fc.record({ conversationId: conv }),
    "conversation:open": fc.record({ conversationId: conv }),
    "inbox:reply": fc.record({ itemId: id, text }),
    typing: fc.record({ conversationId: conv, typing: fc.boolean() }),
    "note:add": fc.record({ conversationId: conv, text }),
    read: fc.record({ conversationId: conv, upTo: id }),
  };
}

/** Mutations: keep the frame, replace a field by any JSON, drop a field, or send something else entirely. */
function mutated(payload: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: payload },
    { weight: 2, arbitrary: fc.tuple(payload, fc.string({ maxLength: 12 }), fc.jsonValue()).map(([p, k, v]) => ({ ...p, [Object.keys(p)[0] ?? k]: v })) },
    { weight: 1, arbitrary: payload.map((p) => Object.fromEntries(Object.entries(p).slice(1))) },
    { weight: 1, arbitrary: fc.anything() },
  );
}

function frames<E extends string>(payloads: Record<E, fc.Arbitrary<Record<string, unknown>>>): fc.Arbitrary<{ event: string; payload: unknown }> {
  const events = Object.keys(payloads) as E[];
  return fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...events).chain((event) => mutated(payloads[event]).map((payload) => ({ event: event as string, payload }))) },
    { weight: 1, arbitrary: fc.record({ event: fc.constantFrom("nope", "constructor", "__proto__", "toString", "message"), payload: fc.anything() }) },
  );
}

describe("issue 12: fuzzing the socket protocol", () => {
  let baton: Baton;
  const errors: unknown[] = [];

  beforeAll(async () => {
    // The same config with the rate limits out of the way: the fuzz is about what the frames hold.
    const dir = mkdtempSync(join(tmpdir(), "baton-fuzz-"));
    const configPath = join(dir, "baton.yaml");
    writeFileSync(configPath, readFileSync("config/baton.yaml", "utf8").replace(/\{ perSecond: [\d.]+, burst: \d+ \}/g, "{ perSecond: 100000, burst: 100000 }"));
    baton = await startTestBaton({
      clock: new FakeClock(TUESDAY_10_PARIS),
      configPath,
      logger: { info: () => {}, warn: () => {}, error: (obj: object) => errors.push(obj) },
    });
    const close = baton.close.bind(baton);
    Object.assign(baton, {
      close: async () => {
        await close();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  }, 60_000);
  afterAll(async () => {
    await baton?.close();
  });

  it("visitor frames: no crash, no internal error, nothing stored that a schema refuses", async () => {
    const v: VisitorClient = await visitor(baton.url);
    let acceptedMessages = 0;
    try {
      await fc.assert(
        fc.asyncProperty(frames(visitorPayloads), async ({ event, payload }) => {
          if (!v.socket.connected) return;
          const ack = (await v.socket.timeout(5000).emitWithAck(event, payload)) as { ok: boolean; error?: { code: string } };
          if (!Object.hasOwn(VisitorFrames, event)) expect(ack.error?.code).toBe("not_found");
          expect(ack.error?.code).not.toBe("internal");
          if (event === "message:send" && ack.ok) acceptedMessages++;
        }),
        { numRuns: 500 },
      );
      expect(v.socket.connected).toBe(true);
      const stored = (await baton.store.conversations.listMessages(v.conversationId)).filter((m) => m.author === "visitor");
      expect(stored.length).toBeLessThanOrEqual(acceptedMessages);
      for (const m of stored) {
        expect(MessageText.safeParse(m.text).success, m.text).toBe(true);
        expect(controlCharacterPath(m)).toBeNull();
      }
      for (const item of await baton.store.conversations.listInbox({ conversationId: v.conversationId })) {
        expect(VisitorFrames["async:leave"].safeParse({ name: item.name ?? undefined, email: item.email, text: item.text }).success).toBe(true);
        expect(controlCharacterPath(item)).toBeNull();
      }
      expect((await fetch(`${baton.url}/healthz`)).ok).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      v.close();
    }
  }, 120_000);

  it("agent frames: no crash, no internal error, nothing stored that a schema refuses", async () => {
    const maria: AgentClient = await agent(baton.url, "maria@demo.baton");
    const v = await visitor(baton.url);
    await v.say("Can I talk to a person about my invoice please?");
    try {
      await fc.assert(
        fc.asyncProperty(frames(agentPayloads(() => [v.conversationId])), async ({ event, payload }) => {
          if (!maria.socket.connected) return;
          const ack = (await maria.socket.timeout(5000).emitWithAck(event, payload)) as { ok: boolean; error?: { code: string } };
          if (!Object.hasOwn(AgentFrames, event)) expect(ack.error?.code).toBe("not_found");
          expect(ack.error?.code).not.toBe("internal");
        }),
        { numRuns: 500 },
      );
      expect(maria.socket.connected).toBe(true);
      for (const c of await baton.store.conversations.listConversations({})) {
        for (const m of await baton.store.conversations.listMessages(c.id)) {
          if (m.author === "agent" || m.author === "visitor") expect(MessageText.safeParse(m.text).success, m.text).toBe(true);
          expect(controlCharacterPath(m)).toBeNull();
        }
        for (const h of await baton.store.conversations.listHandoffs(c.id)) expect(controlCharacterPath(h)).toBeNull();
      }
      expect((await fetch(`${baton.url}/healthz`)).ok).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      maria.close();
      v.close();
    }
  }, 120_000);
});
