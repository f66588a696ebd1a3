import type { Mailer, OutgoingMail } from "../../ports/mailer.js";
import type { MailLogger } from "./mail-logger.js";

/**
 * A mailer for running without SMTP (the demo, tests): it sends nothing, keeps every mail in
 * `sent`, and logs it (recipient, subject and text) so an operator can read what would have gone out.
 * @example
 * const mailer = new LogMailer(logger);
 * await mailer.send({ to: "ana@example.com", subject: "Re: your message", text: "Hi Ana" });
 * mailer.sent.length; // 1
 */
export class LogMailer implements Mailer {
  readonly #sent: OutgoingMail[] = [];

  constructor(private readonly logger?: MailLogger) {}

  /** Every mail "sent" so far, oldest first. */
  get sent(): readonly OutgoingMail[] {
    return this.#sent;
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    this.#sent.push(mail);
    const messageId = `<log-${this.#sent.length}@baton.invalid>`;
    this.logger?.info({ messageId, to: mail.to, subject: mail.subject, text: mail.text }, "mail not sent (no SMTP configured), logged instead");
    return { messageId };
  }
}
