import pino, { type Logger } from "pino";
import pretty from "pino-pretty";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/**
 * How logs are written: "pretty" (one coloured line per entry, for a person at a terminal) or
 * "json" (one JSON object per line, for log shippers). `BATON_LOG_FORMAT` decides when set;
 * otherwise pretty on a TTY, JSON when stdout is a pipe or a file.
 * @example
 * logFormat(true, {}); // "pretty"
 */
export function logFormat(isTTY: boolean, env: Readonly<Record<string, string | undefined>> = process.env): "pretty" | "json" {
  const asked = env.BATON_LOG_FORMAT;
  if (asked === "pretty" || asked === "json") return asked;
  return isTTY ? "pretty" : "json";
}

/** pino with tokens, passwords and e-mail addresses redacted; pretty on a terminal, JSON lines otherwise. */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream; format?: "pretty" | "json" } = {}): Logger {
  const format = options.format ?? (options.destination === undefined ? logFormat(process.stdout.isTTY === true) : "json");
  const destination =
    format === "pretty" ? pretty({ colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname", sync: true, destination: options.destination ?? 1 }) : options.destination;
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
    destination,
  );
}
