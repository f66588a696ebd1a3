import { dirname, join } from "node:path";
import { z } from "zod";
import { DomainError } from "../core/errors.js";
import type { AttachmentPolicy } from "../app/index.js";

/** Attachment settings, read once at boot from the environment (BATON_ATTACHMENTS_*). */
export interface AttachmentsConfig extends AttachmentPolicy {
  /** Local-disk storage directory. */
  readonly dir: string;
  /** Uploads per client address per minute (HTTP rate limit, both sides). */
  readonly uploadsPerIpPerMinute: number;
}

const Env = z.object({
  BATON_ATTACHMENTS_MAX_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(5_000_000),
  BATON_ATTACHMENTS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(20),
  BATON_ATTACHMENTS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  BATON_ATTACHMENTS_DIR: z.string().min(1).optional(),
});

/**
 * The attachment settings: size limit (5 MB), files per conversation per hour (20), uploads per
 * address per minute (10) and the directory (beside the SQLite file, else ./data/attachments).
 *
 * @example
 * attachmentsConfig({ BATON_ATTACHMENTS_MAX_BYTES: "2000000" }, "sqlite:./data/baton.db").dir; // "data/attachments"
 */
export function attachmentsConfig(env: Readonly<Record<string, string | undefined>>, storageUrl: string): AttachmentsConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("invalid_config", `${issue?.path.join(".") ?? "BATON_ATTACHMENTS_*"}: ${issue?.message ?? "invalid"}`);
  }
  const e = parsed.data;
  const sqliteFile = storageUrl.startsWith("sqlite:") && !storageUrl.includes(":memory:") ? storageUrl.slice("sqlite:".length).replace(/^\/\//, "") : null;
  return {
    maxBytes: e.BATON_ATTACHMENTS_MAX_BYTES,
    perConversationPerHour: e.BATON_ATTACHMENTS_PER_HOUR,
    uploadsPerIpPerMinute: e.BATON_ATTACHMENTS_PER_IP_PER_MINUTE,
    dir: e.BATON_ATTACHMENTS_DIR ?? (sqliteFile === null ? join("data", "attachments") : join(dirname(sqliteFile), "attachments")),
  };
}
