import { DomainError } from "../core/errors.js";
import type { Message } from "../core/model.js";
import type { Attachment } from "../ports/index.js";
import type { Engine } from "./engine.js";
import type { PresentedAttachment, PresentedMessage } from "./events.js";
import { presentMessage } from "./post-message.js";

/** Sniffed types shown inline (thumbnails); everything else allowed is only ever a download. */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);
/** What may be attached, by the type sniffed from the bytes: images and PDFs. */
export const ATTACHABLE_TYPES: ReadonlyMap<string, string> = new Map([
  ["image/png", "png"],
  ["image/jpeg", "jpg"],
  ["image/gif", "gif"],
  ["image/webp", "webp"],
  ["application/pdf", "pdf"],
]);

export interface AttachmentPolicy {
  readonly maxBytes: number;
  /** Files one conversation may receive in an hour (both sides together). */
  readonly perConversationPerHour: number;
}

/**
 * A file name safe to offer: its last path segment, letters, digits, spaces and ".-_()" only,
 * at most 80 characters, with the extension of the sniffed type (never the uploaded one).
 *
 * @example
 * safeFileName("../../evil.html", "pdf"); // "evil.pdf"
 */
export function safeFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).at(-1) ?? "").replace(/\.[^.]*$/, "");
  const clean = base.normalize("NFC").replace(/[^\p{L}\p{N} ._()-]/gu, "_").replace(/^[.\s]+/, "").slice(0, 80).trim();
  return `${clean === "" ? "file" : clean}.${extension}`;
}

/** An attachment as widgets and consoles draw it: the URL carries its random access key. */
export function presentAttachment(a: Attachment): PresentedAttachment {
  return { id: a.id, name: a.name, type: a.contentType, size: a.size, url: `/api/attachments/${a.id}/${a.accessKey}`, inline: INLINE_IMAGE_TYPES.has(a.contentType) };
}

export interface AttachInput {
  readonly conversationId: string;
  readonly uploader: "visitor" | "agent";
  readonly agentId: string | null;
  readonly fileName: string;
  /** Sniffed from the bytes at the edge (null: not recognised). */
  readonly sniffedType: string | null;
  readonly bytes: Uint8Array;
}

/**
 * Stores a file sent in a chat and the message that carries it, then sends that message to the
 * widget and to the agent holding the chat. Refused: a type that is not an image or a PDF (by its
 * bytes), a file over the size limit, too many files in the hour, a resolved conversation, and an
 * agent who does not hold the chat.
 */
export async function attachFile(engine: Engine, input: AttachInput, policy: AttachmentPolicy, accessKey: string): Promise<PresentedMessage> {
  const { desk, store, blobs, publisher } = engine.deps;
  const c = await engine.conversation(input.conversationId);
  if (input.uploader === "agent" && (c.state !== "assigned" || c.assignedAgentId !== input.agentId)) {
    throw new DomainError("not_assigned_to_you", "this conversation is not assigned to you");
  }
  if (c.state === "resolved") throw new DomainError("invalid_transition", "this conversation is closed: start a new one to send a file");
  if (input.bytes.length === 0) throw new DomainError("invalid_input", "the file is empty", { path: "body" });
  if (input.bytes.length > policy.maxBytes) {
    throw new DomainError("invalid_input", `the file is larger than ${Math.floor(policy.maxBytes / 1_000_000)} MB`, { path: "body", maxBytes: policy.maxBytes });
  }
  const extension = input.sniffedType === null ? undefined : ATTACHABLE_TYPES.get(input.sniffedType);
  if (input.sniffedType === null || extension === undefined) {
    throw new DomainError("invalid_input", "only images (PNG, JPEG, GIF, WebP) and PDF files can be sent", { path: "body", type: input.sniffedType });
  }
  const now = engine.now();
  const recent = await desk.listAttachments(c.id, now - 3600_000);
  if (recent.length >= policy.perConversationPerHour) {
    throw new DomainError("rate_limited", `at most ${policy.perConversationPerHour} files an hour in one conversation`, { retryAfterMs: (recent[0]?.createdAt ?? now) + 3600_000 - now });
  }
  const id = engine.deps.newId();
  const name = safeFileName(input.fileName, extension);
  const storageKey = `${c.id}/${id}`;
  await blobs.put(storageKey, input.bytes);
  const m: Message = {
    id: engine.deps.newId(),
    conversationId: c.id,
    clientMessageId: `attachment:${id}`,
    author: input.uploader,
    authorId: input.agentId,
    text: name,
    at: now,
    nlu: null,
  };
  const a: Attachment = { id, conversationId: c.id, messageId: m.id, uploader: input.uploader, uploaderId: input.agentId, name, contentType: input.sniffedType, size: input.bytes.length, storageKey, accessKey, createdAt: now };
  await store.transaction(async (tx) => {
    await tx.appendMessage(m);
  });
  await desk.addAttachment(a);
  const authorName = input.uploader === "agent" ? ((await engine.profiles()).get(input.agentId ?? "")?.name ?? "Agent") : "Visitor";
  const presented: PresentedMessage = { ...presentMessage(m, authorName), attachment: presentAttachment(a) };
  publisher.publish({ kind: "conversation", conversationId: c.id }, "message", presented);
  if (c.assignedAgentId !== null) publisher.publish({ kind: "agent", agentId: c.assignedAgentId }, "message", presented);
  return presented;
}
