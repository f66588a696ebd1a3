/**
 * Issue 13: handoff triggers that hold on real visitor text, over real sockets against a started
 * server with the shipped NLU models and config: an off-topic pair hands off on the confidence drop
 * (and the bot does not answer with an unrelated topic meanwhile), a plain problem report stays with
 * the bot, a real complaint hands off, and a reworded repeat of an answered question hands off.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import { loadCorpus } from "../../src/adapters/nlu/index.js";
import { resolveConversation } from "../../src/app/index.js";
import { startTestBaton } from "../e2e/harness.js";
import { type VisitorClient, visitor } from "./clients.js";

/** Tuesday 24 Nov 2026, 10:00 in Paris: every demo team is open. */
const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);

type Baton = Awaited<ReturnType<typeof startTestBaton>>;
type Msg = { author: string; text: string };

describe("issue 13: handoff triggers on real visitor text", () => {
  let baton: Baton;
  let noneAnswer: string;
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(c: T): T => {
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    baton = await startTestBaton({ clock: new FakeClock(TUESDAY_10_PARIS) });
    const { corpus } = await loadCorpus("config/bot-corpus.yaml");
    noneAnswer = corpus.intents.find((i) => i.name === "none")!.answers.en!;
  }, 60_000);
  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    await baton.engine.command(async () => {
      for (const c of await baton.store.conversations.listConversations({ states: ["queued", "offered", "assigned"] })) {
        await resolveConversation(baton.engine, null, c.id);
      }
    });
  });
  afterAll(async () => {
    await baton?.close();
  });

  const handoffs = (v: VisitorClient) => baton.store.conversations.listHandoffs(v.conversationId);
  /** Says `text` and waits for the bot's reply to it (the n-th bot message). */
  async function sayAndHearBot(v: VisitorClient, text: string, n: number): Promise<string> {
    expect((await v.say(text)).ok).toBe(true);
    await v.waitFor<Msg>("message", (m) => m.author === "bot" && v.events.filter((e) => e.event === "message" && (e.payload as Msg).author === "bot").length >= n);
    const bot = v.events.filter((e) => e.event === "message" && (e.payload as Msg).author === "bot").map((e) => (e.payload as Msg).text);
    return bot[n - 1]!;
  }
  /** Says `text` and waits until the conversation has a handoff. */
  async function sayAndHandOff(v: VisitorClient, text: string) {
    expect((await v.say(text)).ok).toBe(true);
    await v.waitFor<Msg>("message", (m) => m.author === "system");
    const [h] = await handoffs(v);
    return h;
  }

  it("two off-topic messages: the bot says it did not understand, then the confidence drop hands off", async () => {
    const v = track(await visitor(baton.url));
    expect(await sayAndHearBot(v, "my cat walked on the keyboard", 1)).toBe(noneAnswer);
    expect(await handoffs(v)).toEqual([]);
    const h = await sayAndHandOff(v, "my thingamajig does the wobble");
    expect(h?.trigger.kind).toBe("confidence_drop");
    const bot = v.events.filter((e) => e.event === "message" && (e.payload as Msg).author === "bot").map((e) => (e.payload as Msg).text);
    expect(bot).toEqual([noneAnswer]);
  });

  it("a plain problem report stays with the bot", async () => {
    const v = track(await visitor(baton.url));
    const reply = await sayAndHearBot(v, "report a sign-up problem", 1);
    expect(reply).not.toBe(noneAnswer);
    expect(await handoffs(v)).toEqual([]);
    expect((await baton.store.conversations.getConversation(v.conversationId))?.state).toBe("bot");
  });

  it("a real complaint hands off at once on frustration", async () => {
    const v = track(await visitor(baton.url));
    const h = await sayAndHandOff(v, "this is ridiculous, third time I ask");
    expect(h?.trigger.kind).toBe("negative_sentiment");
    expect(h?.trigger.evidence.scores.frustration).toBeGreaterThanOrEqual(baton.engine.config.triggers.frustrationThreshold);
  });

  it("'Waste of time' hands off at once on frustration", async () => {
    const v = track(await visitor(baton.url));
    const h = await sayAndHandOff(v, "Waste of time");
    expect(h?.trigger.kind).toBe("negative_sentiment");
  });

  it("cancelling a newsletter stays with the bot; cancelling the plan hands off on the keyword", async () => {
    const v = track(await visitor(baton.url));
    await sayAndHearBot(v, "help me cancel my newsletter subscription", 1);
    expect(await handoffs(v)).toEqual([]);
    const h = await sayAndHandOff(v, "and cancel my plan too");
    expect(h?.trigger.kind).toBe("keyword");
  });

  it("asking whether someone is available is an explicit request", async () => {
    const v = track(await visitor(baton.url));
    const h = await sayAndHandOff(v, "hello, is anyone available to assist");
    expect(h?.trigger.kind).toBe("explicit_request");
  });

  it("the same question in other words, with no word in common, hands off once answered", async () => {
    const v = track(await visitor(baton.url));
    await sayAndHearBot(v, "How do I close my account?", 1);
    expect(await handoffs(v)).toEqual([]);
    const h = await sayAndHandOff(v, "remove my user");
    expect(h?.trigger.kind).toBe("repeated_question");
  });

  it("a reworded repeat of an answered question hands off", async () => {
    const v = track(await visitor(baton.url));
    await sayAndHearBot(v, "How do I reset my password?", 1);
    expect(await handoffs(v)).toEqual([]);
    const h = await sayAndHandOff(v, "how can I get my pwd reset?");
    expect(h?.trigger.kind).toBe("repeated_question");
  });
});
