import { describe, expect, it } from "vitest";
import type { PresentedMessage } from "./events.js";
import { renderTranscriptMail } from "./transcript-mail.js";

const m = (author: PresentedMessage["author"], authorName: string, text: string, at: number): PresentedMessage => ({
  id: `${at}`,
  conversationId: "c1",
  clientMessageId: null,
  author,
  authorName,
  text,
  at,
});

describe("renderTranscriptMail", () => {
  const messages = [
    m("visitor", "Visitor", "Hi <b>there</b>\nsecond line", Date.UTC(2026, 10, 24, 9, 0)),
    m("agent", "María García", "Hello & welcome", Date.UTC(2026, 10, 24, 9, 1)),
  ];

  it("writes each message with its time in the visitor's zone and who wrote it", () => {
    const mail = renderTranscriptMail({ messages, siteName: "Acme", timeZone: "Europe/Paris" });
    expect(mail.subject).toBe("Your conversation with Acme");
    expect(mail.text).toBe(
      ["Your conversation with Acme (times in Europe/Paris):", "", "[2026-11-24 10:00] You:", "Hi <b>there</b>\nsecond line", "", "[2026-11-24 10:01] María García:", "Hello & welcome", ""].join("\n"),
    );
  });

  it("escapes every input in the HTML part and falls back to UTC for an unknown zone", () => {
    const mail = renderTranscriptMail({ messages, siteName: "A<c>me", timeZone: "Mars/Olympus" });
    expect(mail.html).toContain("Hi &#60;b&#62;there&#60;/b&#62;<br>\nsecond line");
    expect(mail.html).toContain("Hello &#38; welcome");
    expect(mail.html).toContain("A&#60;c&#62;me");
    expect(mail.html).not.toContain("<b>there");
    expect(mail.text).toContain("(times in UTC)");
    expect(mail.text).toContain("[2026-11-24 09:00] You:");
  });
});
