/** The logging the mail adapters need; a pino logger fits. */
export interface MailLogger {
  info(obj: Record<string, unknown>, msg: string): void;
}
