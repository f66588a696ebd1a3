import { dirname, join } from "node:path";
import { z } from "zod";
import { DomainError } from "../core/errors.js";
import type { S3Location } from "../adapters/blob/index.js";
import type { AttachmentPolicy } from "../app/index.js";

/** Attachment settings, read once at boot from the environment (BATON_ATTACHMENTS_*). */
export interface AttachmentsConfig extends AttachmentPolicy {
  /** Local-disk storage directory (used when no S3 bucket is configured). */
  readonly dir: string;
  /** An S3-compatible bucket instead of the local disk. */
  readonly s3: S3Location | null;
  /** Uploads per client address per minute (HTTP rate limit, both sides). */
  readonly uploadsPerIpPerMinute: number;
}

const Env = z.object({
  BATON_ATTACHMENTS_MAX_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(5_000_000),
  BATON_ATTACHMENTS_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(20),
  BATON_ATTACHMENTS_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  BATON_ATTACHMENTS_DIR: z.string().min(1).optional(),
  /** https://ACCESS_KEY:SECRET@endpoint/bucket[/prefix]?region=eu-west-3 */
  BATON_ATTACHMENTS_S3_URL: z.url().optional(),
});

/**
 * An S3 location from one URL: endpoint, bucket (first path segment), optional key prefix (the
 * rest), region (?region=, default us-east-1), keys as the URL's user and password.
 *
 * @example
 * s3FromUrl("https://AKIA:secret@s3.eu-west-3.amazonaws.com/acme-baton/chat?region=eu-west-3").bucket; // "acme-baton"
 */
export function s3FromUrl(raw: string): S3Location {
  const u = new URL(raw);
  const [bucket, ...rest] = u.pathname.split("/").filter((p) => p !== "");
  if (bucket === undefined || u.username === "" || u.password === "") {
    throw new DomainError("invalid_config", "BATON_ATTACHMENTS_S3_URL: use https://ACCESS_KEY:SECRET@endpoint/bucket[/prefix]?region=…");
  }
  return {
    endpoint: `${u.protocol}//${u.host}`,
    bucket,
    region: u.searchParams.get("region") ?? "us-east-1",
    accessKeyId: decodeURIComponent(u.username),
    secretAccessKey: decodeURIComponent(u.password),
    ...(rest.length === 0 ? {} : { prefix: `${rest.join("/")}/` }),
  };
}

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
    s3: e.BATON_ATTACHMENTS_S3_URL === undefined ? null : s3FromUrl(e.BATON_ATTACHMENTS_S3_URL),
    dir: e.BATON_ATTACHMENTS_DIR ?? (sqliteFile === null ? join("data", "attachments") : join(dirname(sqliteFile), "attachments")),
  };
}
