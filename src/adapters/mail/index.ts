export { LogMailer } from "./log.mailer.js";
export type { MailLogger } from "./mail-logger.js";
export { createMailer, type SmtpConfig } from "./smtp.mailer.js";
