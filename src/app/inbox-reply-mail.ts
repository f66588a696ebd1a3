/** What an agent's reply to an async-inbox message says, and to whom. */
export interface InboxReplyMailInput {
  readonly visitorName: string | null;
  /** The visitor's original message. */
  readonly question: string;
  readonly reply: string;
  readonly agentName: string;
  readonly siteName: string;
}

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * The e-mail carrying an agent's reply to a message left in the async inbox: plain text and
 * HTML (every input HTML-escaped, line breaks kept), quoting the visitor's message below.
 * Line breaks are removed from the subject.
 * @example
 * renderInboxReplyMail({ visitorName: "Ana", question: "Refund?", reply: "Done.", agentName: "Bo", siteName: "Acme" }).subject;
 * // "Re: your message to Acme"
 */
export function renderInboxReplyMail(input: InboxReplyMailInput): RenderedMail {
  const name = input.visitorName?.trim() || null;
  const greeting = name ? `Hi ${name},` : "Hi,";
  const subject = `Re: your message to ${input.siteName}`.replace(/[\r\n]+/g, " ").trim();
  const quoted = input.question.split(/\r?\n/).map((line) => `> ${line}`);
  const text = [greeting, "", input.reply, "", `${input.agentName}`, input.siteName, "", "You wrote:", ...quoted, ""].join("\n");
  const html = [
    "<!doctype html>",
    '<html><body style="font-family: sans-serif; line-height: 1.4">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${multiline(input.reply)}</p>`,
    `<p>${escapeHtml(input.agentName)}<br>${escapeHtml(input.siteName)}</p>`,
    '<p style="color: #666">You wrote:</p>',
    `<blockquote style="color: #666; border-left: 3px solid #ccc; margin: 0; padding-left: 1em">${multiline(input.question)}</blockquote>`,
    "</body></html>",
    "",
  ].join("\n");
  return { subject, text, html };
}

/** Escapes the five HTML-significant characters. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function multiline(s: string): string {
  return escapeHtml(s).replace(/\r?\n/g, "<br>\n");
}
