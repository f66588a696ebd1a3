import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { cannedFor, createCanned, deleteCanned, type Engine, historyFor, listConversationsFor, notesFor, readConversation, updateCanned } from "../app/index.js";
import type { Access } from "./access.js";
import { CannedBody, ConversationSearchQuery } from "./desk.schema.js";
import { IdParams } from "./http.schema.js";
import { parseInput } from "./validate.js";

const doc = (schema: z.ZodType) => z.toJSONSchema(schema, { target: "openapi-3.0", io: "input" });
const security = [{ bearer: [] }];

/** The agent's desk over HTTP: canned responses, private notes, the conversation list and search, history. */
export function deskRoutes(app: FastifyInstance, engine: Engine, access: Access): void {
  const input = (body: unknown) => {
    const b = parseInput(CannedBody, body);
    return { team: b.team ?? null, shortcut: b.shortcut, title: b.title, text: b.text };
  };
  app.get("/api/canned", { schema: { tags: ["agent"], summary: "Canned responses the agent may use: their teams' and their own", security } }, async (req) =>
    cannedFor(engine, await access.agent(req)),
  );
  app.post(
    "/api/canned",
    { schema: { tags: ["agent"], summary: "Save a canned response: your own (no team), or a team's (admins)", body: doc(CannedBody), security } },
    async (req, reply) => {
      const me = await access.agent(req);
      void reply.status(201);
      return createCanned(engine, me, input(req.body));
    },
  );
  app.put(
    "/api/canned/:id",
    { schema: { tags: ["agent"], summary: "Replace a canned response you may manage", params: doc(IdParams), body: doc(CannedBody), security } },
    async (req) => updateCanned(engine, await access.agent(req), parseInput(IdParams, req.params).id, input(req.body)),
  );
  app.delete("/api/canned/:id", { schema: { tags: ["agent"], summary: "Delete a canned response you may manage", params: doc(IdParams), security } }, async (req, reply) => {
    await deleteCanned(engine, await access.agent(req), parseInput(IdParams, req.params).id);
    void reply.status(204);
  });
  app.get(
    "/api/conversations",
    {
      schema: {
        tags: ["agent"],
        summary: "Conversations the agent may read: a filter (mine, team, unassigned, waiting longest, VIP) and full-text search over transcripts (q)",
        querystring: doc(ConversationSearchQuery),
        security,
      },
    },
    async (req) => listConversationsFor(engine, await access.agent(req), parseInput(ConversationSearchQuery, req.query)),
  );
  app.get(
    "/api/conversations/:id/history",
    { schema: { tags: ["agent"], summary: "Earlier conversations of this visitor or verified customer, newest first", params: doc(IdParams), security } },
    async (req) => historyFor(engine, await access.agent(req), parseInput(IdParams, req.params).id),
  );
  app.get(
    "/api/conversations/:id/transcript",
    { schema: { tags: ["agent"], summary: "A conversation's transcript, read-only (past chats, search results)", params: doc(IdParams), security } },
    async (req) => readConversation(engine, await access.agent(req), parseInput(IdParams, req.params).id),
  );
  app.get(
    "/api/conversations/:id/notes",
    { schema: { tags: ["agent"], summary: "A conversation's private notes (agents only; never sent to the visitor)", params: doc(IdParams), security } },
    async (req) => notesFor(engine, await access.agent(req), parseInput(IdParams, req.params).id),
  );
}
