import { DateTime, IANAZone } from "luxon";
import type { PresentedMessage } from "./events.js";
import { escapeHtml, type RenderedMail } from "./inbox-reply-mail.js";

export interface TranscriptMailInput {
  readonly messages: readonly PresentedMessage[];
  readonly siteName: string;
  /** The visitor's time zone (times are written in it); UTC when unknown. */
  readonly timeZone: string | null;
}

/**
 * The e-mail a visitor asks for with the conversation so far: one line per message with its time
 * (in the visitor's zone) and who wrote it, as plain text and HTML (every input escaped).
 * @example
 * renderTranscriptMail({ messages: [], siteName: "Acme", timeZone: "Europe/Paris" }).subject;
 * // "Your conversation with Acme"
 */
export function renderTranscriptMail(input: TranscriptMailInput): RenderedMail {
  const zone = input.timeZone !== null && IANAZone.isValidZone(input.timeZone) ? input.timeZone : "UTC";
  const subject = `Your conversation with ${input.siteName}`.replace(/[\r\n]+/g, " ").trim();
  const lines = input.messages.map((m) => ({
    when: DateTime.fromMillis(m.at, { zone }).toFormat("yyyy-LL-dd HH:mm"),
    who: m.author === "visitor" ? "You" : m.authorName,
    text: m.text,
  }));
  const text = [
    `Your conversation with ${input.siteName} (times in ${zone}):`,
    "",
    ...lines.flatMap((l) => [`[${l.when}] ${l.who}:`, l.text, ""]),
  ].join("\n");
  const html = [
    "<!doctype html>",
    '<html><body style="font-family: sans-serif; line-height: 1.4">',
    `<p>Your conversation with ${escapeHtml(input.siteName)} (times in ${escapeHtml(zone)}):</p>`,
    ...lines.map(
      (l) =>
        `<p><span style="color: #666">${escapeHtml(l.when)}</span> <strong>${escapeHtml(l.who)}</strong><br>\n${escapeHtml(l.text).replace(/\r?\n/g, "<br>\n")}</p>`,
    ),
    "</body></html>",
    "",
  ].join("\n");
  return { subject, text, html };
}
