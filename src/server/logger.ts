import pino, { type Logger } from "pino";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** pino with tokens, passwords and e-mail addresses redacted. */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.BATON_LOG_LEVEL ?? "info",
      redact: {
        paths: ["token", "*.token", "password", "*.password", "passwordHash", "*.passwordHash", "email", "*.email", "*.*.email", "authorization", "*.authorization", "*.headers.authorization"],
        censor: "[redacted]",
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === "string" ? a.replace(EMAIL, "[email]") : a));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}
