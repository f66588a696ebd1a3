export { escapeHtml, type InboxReplyMailInput, type RenderedMail, renderInboxReplyMail } from "./inbox-reply.mail.js";
export { LogMailer } from "./log.mailer.js";
export type { MailLogger } from "./mail-logger.js";
export { createMailer, type SmtpConfig } from "./smtp.mailer.js";
