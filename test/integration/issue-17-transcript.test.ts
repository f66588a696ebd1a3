import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import type { PresentedMessage } from "../../src/app/events.js";
import type { OutgoingMail } from "../../src/ports/index.js";
import { startTestBaton } from "../e2e/harness.js";
import { visitor } from "./clients.js";

/** Tuesday 24 Nov 2026, 10:00 in Paris. */
const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);

describe("issue 17: the visitor gets the conversation by e-mail", () => {
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  const sent: OutgoingMail[] = [];

  beforeAll(async () => {
    baton = await startTestBaton({
      clock: new FakeClock(TUESDAY_10_PARIS),
      mailer: {
        async send(m) {
          sent.push(m);
          return { messageId: `m${sent.length}` };
        },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await baton?.close();
  });

  it("mails the transcript (times in the visitor's zone, HTML escaped), refuses a bad address, and is rate-limited per conversation", async () => {
    const v = await visitor(baton.url, { timeZone: "America/New_York" });
    try {
      expect((await v.say("What are your opening hours? <b>asap</b>")).ok).toBe(true);
      const bot = await v.waitFor<PresentedMessage>("message", (m) => m.author === "bot");

      expect(await v.call("transcript:email", { email: "not an address" })).toMatchObject({ ok: false, error: { code: "invalid_input", path: "email" } });
      expect(sent).toEqual([]);

      expect(await v.call("transcript:email", { email: "ada@example.com" })).toMatchObject({ ok: true, data: { sentTo: "ada@example.com" } });
      expect(sent).toHaveLength(1);
      const mail = sent[0]!;
      expect(mail.to).toBe("ada@example.com");
      expect(mail.subject).toBe("Your conversation with Baton");
      expect(mail.text).toContain("(times in America/New_York)");
      expect(mail.text).toContain("[2026-11-24 04:00] You:\nWhat are your opening hours? <b>asap</b>");
      expect(mail.text).toContain(bot.text.split("\n")[0]);
      expect(mail.html).toContain("&#60;b&#62;asap&#60;/b&#62;");
      expect(mail.html).not.toContain("<b>asap");

      // The default bucket: three attempts per conversation (and per address; the refused address counted), then a clear refusal.
      expect((await v.call("transcript:email", { email: "ada@example.com" })).ok).toBe(true);
      const refused = await v.call("transcript:email", { email: "ada@example.com" });
      expect(refused).toMatchObject({ ok: false, error: { code: "rate_limited" } });
      expect(sent).toHaveLength(2);
    } finally {
      v.close();
    }
  });
});
