import { createTransport } from "nodemailer";
import type { Mailer } from "../../ports/mailer.js";
import { LogMailer } from "./log.mailer.js";
import type { MailLogger } from "./mail-logger.js";

/** SMTP settings, parsed from config at boot. */
export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  /** true: TLS from the start (port 465); false: plain, upgraded by STARTTLS when offered. */
  readonly secure: boolean;
  readonly user?: string;
  readonly pass?: string;
  /** Sender, e.g. `"Acme support" <support@acme.test>`. */
  readonly from: string;
}

/**
 * The Mailer port over SMTP with nodemailer, or, when `smtp` is null, a `LogMailer` that only
 * records and logs (so the demo runs without a mail server). `send` rejects when the SMTP
 * server refuses or cannot be reached; the caller decides whether to retry.
 * @example
 * const mailer = createMailer({ host: "smtp.acme.test", port: 587, secure: false, user, pass, from: "support@acme.test" }, logger);
 * const { messageId } = await mailer.send({ to: "ana@example.com", subject: "Re: your message", text: "…" });
 */
export function createMailer(smtp: SmtpConfig | null, logger?: MailLogger): Mailer {
  if (smtp === null) return new LogMailer(logger);
  const transport = createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user === undefined ? undefined : { user: smtp.user, pass: smtp.pass ?? "" },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      logger?.info({ messageId: info.messageId, to: mail.to, subject: mail.subject }, "mail sent");
      return { messageId: info.messageId };
    },
  };
}
