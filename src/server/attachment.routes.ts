import { randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { fileTypeFromBuffer } from "file-type";
import { z } from "zod";
import { attachFile, type Engine, INLINE_IMAGE_TYPES, mayRead, presentAttachment } from "../app/index.js";
import { DomainError } from "../core/errors.js";
import type { Access } from "./access.js";
import type { AttachmentsConfig } from "./attachments.config.js";
import { IdParams } from "./http.schema.js";
import { parseInput } from "./validate.js";

const doc = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "openapi-3.0", io: "input" });
const NameQuery = z.object({ name: z.string().trim().min(1, "name the file").max(200) });
const FileParams = z.object({ id: z.string().min(1).max(100), key: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
const security = [{ bearer: [] }];

/** The type sniffed from the bytes (file-type); null when not recognised (text, HTML, SVG…). */
async function sniff(bytes: Uint8Array): Promise<string | null> {
  return (await fileTypeFromBuffer(bytes))?.mime ?? null;
}

const bodyOf = (req: FastifyRequest): Uint8Array => {
  if (!Buffer.isBuffer(req.body)) throw new DomainError("invalid_input", "send the file's bytes with Content-Type: application/octet-stream", { path: "body" });
  return new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength);
};

/**
 * Attachments in both directions. Uploads are raw bytes (application/octet-stream, the file name
 * in ?name=), size-limited by the body limit, rate-limited per address and per conversation,
 * and typed by their content. Files are served from an unguessable URL with nosniff, a sandboxing
 * CSP and `Content-Disposition: attachment` for anything but an allowed image.
 */
export async function attachmentRoutes(app: FastifyInstance, engine: Engine, access: Access, config: AttachmentsConfig): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser("application/octet-stream", { parseAs: "buffer", bodyLimit: config.maxBytes }, (_req, body, done) => done(null, body));
    const perIp = scope.rateLimit({
      max: config.uploadsPerIpPerMinute,
      timeWindow: 60_000,
      groupId: "attachments-ip",
      keyGenerator: (req) => req.ip,
      errorResponseBuilder: (_req, ctx) => new DomainError("rate_limited", `too many files sent from this address; try again in ${ctx.after}`),
    });
    const upload = async (req: FastifyRequest, conversationId: string, uploader: "visitor" | "agent", agentId: string | null, reply: FastifyReply) => {
      const { name } = parseInput(NameQuery, req.query);
      const bytes = bodyOf(req);
      const message = await engine.inConversation(conversationId, async () =>
        attachFile(engine, { conversationId, uploader, agentId, fileName: name, sniffedType: await sniff(bytes), bytes }, config, randomBytes(24).toString("base64url")),
      );
      void reply.status(201);
      return message;
    };
    const uploadSchema = (summary: string, params?: z.ZodType) => ({
      tags: [params === undefined ? "visitor" : "agent"],
      summary,
      description: `The file's bytes as the body (Content-Type: application/octet-stream), its name in ?name=. Images (PNG, JPEG, GIF, WebP) and PDF, typed by their content, up to ${config.maxBytes} bytes.`,
      querystring: doc(NameQuery),
      ...(params === undefined ? {} : { params: doc(params) }),
      security,
    });
    scope.post("/api/visitor/attachments", { preHandler: perIp, bodyLimit: config.maxBytes, schema: uploadSchema("Send a file in the visitor's conversation") }, async (req, reply) => {
      const claims = await access.visitor(req);
      return upload(req, claims.conversationId, "visitor", null, reply);
    });
    scope.post(
      "/api/conversations/:id/attachments",
      { preHandler: perIp, bodyLimit: config.maxBytes, schema: uploadSchema("Send a file in a chat you hold", IdParams) },
      async (req, reply) => {
        const me = await access.agent(req);
        const { id } = parseInput(IdParams, req.params);
        // Who may send is checked before the body is looked at.
        if ((await engine.conversation(id)).assignedAgentId !== me.id) throw new DomainError("not_assigned_to_you", "this conversation is not assigned to you");
        return upload(req, id, "agent", me.id, reply);
      },
    );
  });

  app.get(
    "/api/conversations/:id/attachments",
    { schema: { tags: ["agent"], summary: "A conversation's attachments (for the console's thumbnails)", params: doc(IdParams), security } },
    async (req) => {
      const me = await access.agent(req);
      const c = await engine.conversation(parseInput(IdParams, req.params).id);
      if (!(await mayRead(engine, me, c))) throw new DomainError("forbidden", "you may not read this conversation");
      return (await engine.deps.desk.listAttachments(c.id)).map((a) => ({ messageId: a.messageId, ...presentAttachment(a) }));
    },
  );

  app.get(
    "/api/attachments/:id/:key",
    { schema: { tags: ["visitor", "agent"], summary: "A file sent in a chat, by its unguessable URL (images inline, anything else downloaded)", params: doc(FileParams) } },
    async (req, reply) => {
      const { id, key } = parseInput(FileParams, req.params);
      const a = await engine.deps.desk.getAttachment(id);
      const same = a !== null && a.accessKey.length === key.length && timingSafeEqual(Buffer.from(a.accessKey), Buffer.from(key));
      if (a === null || !same) throw new DomainError("not_found", "no such file");
      const bytes = await engine.deps.blobs.get(a.storageKey);
      if (bytes === null) throw new DomainError("not_found", "the file is gone");
      const inline = INLINE_IMAGE_TYPES.has(a.contentType);
      const ascii = a.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
      void reply
        .header("content-type", inline ? a.contentType : "application/octet-stream")
        .header("content-disposition", `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.name)}`)
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, max-age=86400")
        .header("cross-origin-resource-policy", "cross-origin");
      return reply.send(Buffer.from(bytes));
    },
  );
}
