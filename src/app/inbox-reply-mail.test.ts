import { describe, expect, it } from "vitest";
import { escapeHtml, renderInboxReplyMail } from "./inbox-reply-mail.js";

describe("renderInboxReplyMail", () => {
  const base = {
    visitorName: "Ana",
    question: "Where is my refund?\nOrder 123",
    reply: "It went out today.\nAllow 3 days.",
    agentName: "Bo",
    siteName: "Acme",
  };

  it("greets, replies, signs and quotes the question", () => {
    const mail = renderInboxReplyMail(base);
    expect(mail.subject).toBe("Re: your message to Acme");
    expect(mail.text).toBe(
      "Hi Ana,\n\nIt went out today.\nAllow 3 days.\n\nBo\nAcme\n\nYou wrote:\n> Where is my refund?\n> Order 123\n",
    );
    expect(mail.html).toContain("<p>Hi Ana,</p>");
    expect(mail.html).toContain("It went out today.<br>\nAllow 3 days.");
    expect(mail.html).toContain("Where is my refund?<br>\nOrder 123</blockquote>");
  });

  it("greets without a name when there is none", () => {
    expect(renderInboxReplyMail({ ...base, visitorName: null }).text.startsWith("Hi,\n")).toBe(true);
    expect(renderInboxReplyMail({ ...base, visitorName: "  " }).html).toContain("<p>Hi,</p>");
  });

  it("escapes every field in the HTML and keeps the subject on one line", () => {
    const evil = '<script>alert("x")</script> & \'q\'';
    const mail = renderInboxReplyMail({ visitorName: evil, question: evil, reply: evil, agentName: evil, siteName: `Acme\r\nBcc: x@evil.test ${evil}` });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain('"x"');
    expect(mail.html.match(/&#60;script&#62;alert\(&#34;x&#34;\)&#60;\/script&#62; &#38; &#39;q&#39;/g)).toHaveLength(5);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject.startsWith("Re: your message to Acme Bcc: x@evil.test")).toBe(true);
    // The plain-text part is not HTML: it keeps the characters as typed.
    expect(mail.text).toContain(evil);
  });

  it("escapeHtml escapes & < > \" '", () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe("a&#38;b&#60;c&#62;d&#34;e&#39;f");
  });
});
