/**
 * The authorization matrix: every HTTP route and socket frame × every kind of caller → allowed
 * or refused. Read by issue-12-authz-matrix.test.ts, which fails when a route registered with
 * fastify or a frame in src/server/protocol.ts has no row here (or a row names one that is gone).
 *
 * "Allowed" means the caller got past authentication and authorization (the answer may still be
 * a 4xx about state or input); "refused" means 401/403, a refused socket connection, or an ack
 * with unauthenticated / forbidden / not_assigned_to_you / offer_not_found.
 *
 * The fixture: conversation C belongs to `visitor` and is assigned to `teamAgent` (María,
 * billing, cap 1: at her cap); `otherVisitor` has a conversation of their own; a third
 * visitor's billing chat Q waits in the queue; `otherTeamAgent` is Priya (technical, online,
 * with room); an inbox item of C sits in the billing team's inbox. `tampered` is a token whose
 * claims were changed (agent → admin, visitor → C) under the old signature; `expired` was
 * signed 25 hours ago.
 */
export const PRINCIPALS = ["anonymous", "visitor", "otherVisitor", "teamAgent", "otherTeamAgent", "admin", "bot", "tampered", "expired"] as const;
export type Principal = (typeof PRINCIPALS)[number];

export interface Row {
  readonly allowed: readonly Principal[] | "everyone";
  /** The request: path with :id = C, a body or frame payload (`$C` = C's id, `$Q` = Q's id, `$ITEM` = the inbox item's id, `$M` = the id of C's first message). */
  readonly path?: string;
  readonly body?: unknown;
  /** Which stolen token `tampered` and `expired` present (agent by default). */
  readonly tokenKind?: "agent" | "visitor";
  /** An allowed call changes the fixture (signs out, resolves, transfers): rebuilt after it. */
  readonly mutates?: boolean;
}

const agents: Principal[] = ["teamAgent", "otherTeamAgent", "admin"];
const visitors: Principal[] = ["visitor", "otherVisitor"];

/** "METHOD url" as fastify registered it. */
export const HTTP: Readonly<Record<string, Row>> = {
  "GET /docs": { allowed: "everyone" },
  "GET /docs/static/index.html": { allowed: "everyone" },
  "GET /docs/static/swagger-initializer.js": { allowed: "everyone" },
  "GET /docs/json": { allowed: "everyone" },
  "GET /docs/yaml": { allowed: "everyone" },
  "GET /docs/static/*": { allowed: "everyone", path: "/docs/static/swagger-ui.css" },
  "GET /*": { allowed: "everyone", path: "/console/" },
  "GET /healthz": { allowed: "everyone" },
  // CORS preflights (answered for the visitor API from the widget's origins only).
  "OPTIONS *": { allowed: "everyone", path: "/api/visitor/session" },
  "GET /api/teams": { allowed: "everyone" },
  "POST /api/visitor/session": { allowed: "everyone", body: {} },
  "POST /api/agent/login": { allowed: "everyone", body: { email: "tom@demo.baton", password: "demo" } },
  "POST /demo/identity": { allowed: "everyone", body: { email: "lena.vogel@example.de" } },
  "POST /api/visitor/signout": { allowed: visitors, tokenKind: "visitor", mutates: true },
  "POST /api/agent/logout": { allowed: agents, mutates: true },
  "GET /api/agent/me": { allowed: agents },
  "GET /api/agent/queue": { allowed: agents },
  "GET /api/agents": { allowed: agents },
  "GET /api/conversations/:id/context": { allowed: ["teamAgent", "admin"] },
  "GET /api/conversations/:id/notes": { allowed: ["teamAgent", "admin"] },
  // The list is filtered to what each agent may read (issue-17-desk.test.ts checks whose rows show).
  "GET /api/conversations": { allowed: agents, path: "/api/conversations?filter=all&q=hello" },
  "GET /api/conversations/:id/history": { allowed: ["teamAgent", "admin"] },
  "GET /api/conversations/:id/transcript": { allowed: ["teamAgent", "admin"] },
  // Attachments: uploads by the visitor of C and the agent holding C (no body here: refused after
  // the access check as input); listing by readers; a file by its unguessable URL (capability).
  "POST /api/visitor/attachments": { allowed: visitors, path: "/api/visitor/attachments?name=x.png", tokenKind: "visitor" },
  "POST /api/conversations/:id/attachments": { allowed: ["teamAgent"], path: "/api/conversations/:id/attachments?name=x.png" },
  "GET /api/conversations/:id/attachments": { allowed: ["teamAgent", "admin"] },
  "GET /api/attachments/:id/:key": { allowed: "everyone", path: "/api/attachments/none/aaaaaaaaaaaaaaaaaaaaaaaa" },
  "GET /api/canned": { allowed: agents },
  // A personal one: any agent. (A team's: admins only, see issue-17-desk.test.ts.)
  "POST /api/canned": { allowed: agents, body: { shortcut: "matrix", title: "Matrix", text: "Hi" }, mutates: true },
  "PUT /api/canned/:id": { allowed: ["admin"], path: "/api/canned/canned-refund", body: { team: "billing", shortcut: "refund", title: "Refund", text: "Done" }, mutates: true },
  "DELETE /api/canned/:id": { allowed: ["admin"], path: "/api/canned/canned-invoice", mutates: true },
  "POST /api/bot/conversations/:id/turns": { allowed: ["bot"], body: { text: "Anything else?" } },
  "POST /api/bot/conversations/:id/handoff": { allowed: ["bot"], body: { reason: "matrix" } },
  "GET /api/admin/config": { allowed: ["admin"] },
  "PUT /api/admin/config": { allowed: ["admin"], body: { yaml: "rules: []\n" } },
  "POST /api/admin/rules/match": { allowed: ["admin"], body: { topic: "billing", trigger: "explicit_request", tier: "standard", language: "en" } },
  "GET /api/admin/scenarios": { allowed: ["admin"] },
  "POST /api/admin/simulate": { allowed: ["admin"], body: { yaml: "name: broken\n", hours: 0.25 } },
  "POST /api/admin/conversations/:id/assign": { allowed: ["admin"], body: { agentId: "tom" } },
  "GET /api/admin/inbox": { allowed: agents },
  "GET /api/admin/bots": { allowed: ["admin"] },
  "PUT /api/admin/bots/sites": { allowed: ["admin"], body: { site: "matrix-site", bot: "builtin" } },
  "GET /api/admin/bots/dead-letters": { allowed: ["admin"] },
  "GET /api/metrics/seam": { allowed: ["admin"] },
  "GET /api/metrics/seam.csv": { allowed: ["admin"] },
  // Only the metrics token (security.metricsToken), which none of these callers holds.
  "GET /metrics": { allowed: [] },
};

/** Frames of the /visitor namespace: a visitor's frames act on their own conversation only. */
export const VISITOR_FRAMES: Readonly<Record<string, Row>> = {
  "message:send": { allowed: visitors, body: { clientMessageId: "matrix-1", text: "hello" } },
  "wait:choose": { allowed: visitors, body: { choice: "wait" } },
  "async:leave": { allowed: visitors, body: { email: "v@example.com", text: "call me" } },
  "csat:submit": { allowed: visitors, body: { score: 4 } },
  history: { allowed: visitors, body: {} },
  "bot:resolved": { allowed: visitors, body: {} },
  typing: { allowed: visitors, body: { typing: true } },
  "transcript:email": { allowed: visitors, body: { email: "v@example.com" } },
  // A read mark acts on the caller's own conversation: for otherVisitor, C's message is not_found in theirs (nothing of C's is touched).
  read: { allowed: visitors, body: { upTo: "$M" } },
};

/** Frames of the /agent namespace. */
export const AGENT_FRAMES: Readonly<Record<string, Row>> = {
  "presence:set": { allowed: agents, body: { presence: "online" } },
  "cap:set": { allowed: agents, body: { cap: 3 } },
  // Nobody holds an offer for C (offers are covered in handoff.test.ts): refused for everyone.
  "offer:accept": { allowed: [], body: { conversationId: "$C" } },
  "offer:decline": { allowed: [], body: { conversationId: "$C" } },
  "message:send": { allowed: ["teamAgent"], body: { conversationId: "$C", clientMessageId: "matrix-a1", text: "Hi" } },
  "translate:preview": { allowed: ["teamAgent"], body: { conversationId: "$C", text: "Hi" } },
  transfer: { allowed: ["teamAgent"], body: { conversationId: "$C", to: { team: "support" }, note: "matrix" }, mutates: true },
  resolve: { allowed: ["teamAgent"], body: { conversationId: "$C" }, mutates: true },
  "conversation:open": { allowed: ["teamAgent", "admin"], body: { conversationId: "$C" } },
  // Q waits in the billing queue. María (billing) passes the team check and is stopped by her cap
  // (409, state); Priya (technical, online, with room) is refused by team and skill; the admin
  // takes nobody's chat himself (offline, cap 0: he assigns with POST /api/admin/conversations/:id/assign);
  // visitors and bad tokens never reach the /agent namespace. A successful take is in issue-12-authz-matrix.test.ts.
  "queue:take": { allowed: ["teamAgent"], body: { conversationId: "$Q" } },
  "inbox:reply": { allowed: ["teamAgent", "admin"], body: { itemId: "$ITEM", text: "We are on it" }, mutates: true },
  typing: { allowed: ["teamAgent"], body: { conversationId: "$C", typing: true } },
  "note:add": { allowed: ["teamAgent", "admin"], body: { conversationId: "$C", text: "private: check the refund" } },
  // Only the agent holding the chat marks it read (an admin viewing it does not: the visitor would see "Read" for someone else).
  read: { allowed: ["teamAgent"], body: { conversationId: "$C", upTo: "$M" } },
};
