/**
 * Issue 16: a delivery to an external bot cut by a stop is not lost. The visitor's message stays in
 * the outbox of undecided messages until its delivery ends, so the next start delivers it again
 * (same deliveryId) and the bot's answer reaches the conversation.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { startTestBaton } from "../e2e/harness.js";
import { shippedConfigWithBots, startTestBot, type TestBot } from "./bot-servers.js";
import { visitor } from "./clients.js";

const SECRET = "restart-secret-0123456789ab";
const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);

describe("issue 16: a bot delivery survives a restart", () => {
  let bot: TestBot;
  let dir: string;
  let configPath: string;

  beforeAll(async () => {
    bot = await startTestBot(SECRET);
    dir = mkdtempSync(join(tmpdir(), "baton-bot-restart-"));
    configPath = join(dir, "baton.yaml");
    writeFileSync(configPath, shippedConfigWithBots(`bots:\n  default: hook\n  external:\n    - { id: hook, kind: webhook, url: "${bot.url}/bot", secret: ${SECRET}, timeoutMs: 60000 }\n`));
  });
  afterAll(async () => {
    await bot?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("delivers again after a stop cut the delivery, and the answer arrives", async () => {
    const storageUrl = `sqlite:${join(dir, "baton.db")}`;
    const first = await startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS), configPath, storageUrl });
    bot.answer = () => null; // holds the request: Baton stops while waiting for the bot
    const v = await visitor(first.url);
    const held = bot.next();
    expect((await v.say("Are you open on Sundays?")).ok).toBe(true);
    const cut = await held;
    v.close();
    await first.close();
    bot.release();

    bot.answer = () => ({ body: { messages: [{ text: "Yes, from 10 to 16." }], intent: "opening_hours", confidence: 0.95 } });
    const again = bot.next((r) => r.body.deliveryId === cut.body.deliveryId);
    const second = await startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS + 60_000), configPath, storageUrl });
    try {
      expect((await again).body.message).toEqual(cut.body.message);
      const store = second.store.conversations;
      const conversationId = cut.body.conversationId as string;
      await second.engine.botDeliveries.idle();
      const messages = await store.listMessages(conversationId);
      expect(messages.filter((m) => m.author === "bot").map((m) => m.text)).toEqual(["Yes, from 10 to 16."]);
      expect(await store.listUndecided({ conversationId })).toEqual([]);
      expect(await store.listBotDeadLetters({})).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
