import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import type { CannedResponse } from "../../src/ports/index.js";
import { startTestBaton } from "../e2e/harness.js";
import { type AgentClient, agent, identifiedAs, type VisitorClient, visitor } from "./clients.js";

/** Tuesday 24 Nov 2026, 10:00 in Paris: every demo team is open. */
const clock = new FakeClock(Date.UTC(2026, 10, 24, 9, 0));
type Baton = Awaited<ReturnType<typeof startTestBaton>>;

describe("issue 17: the agent's desk (canned responses, private notes, search)", () => {
  let baton: Baton;
  const open: { close(): void }[] = [];
  const track = <T extends { close(): void }>(c: T): T => {
    open.push(c);
    return c;
  };
  const http = async (method: string, path: string, token: string | null, body?: unknown) => {
    const res = await fetch(`${baton.url}${path}`, {
      method,
      headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text === "" ? null : (JSON.parse(text) as unknown) };
  };
  let maria: AgentClient;
  let tom: AgentClient;
  let priya: AgentClient;
  let admin: AgentClient;

  beforeAll(async () => {
    baton = await startTestBaton({ clock });
    maria = track(await agent(baton.url, "maria@demo.baton"));
    tom = track(await agent(baton.url, "tom@demo.baton", "demo", "offline"));
    priya = track(await agent(baton.url, "priya@demo.baton", "demo", "offline"));
    admin = track(await agent(baton.url, "admin@demo.baton", "admin", "offline"));
  });
  afterAll(async () => {
    for (const c of open.splice(0)) c.close();
    await baton?.close();
  });

  it("lists each agent's teams' canned responses and their own; agents manage their own, admins the teams'", async () => {
    const shortcuts = async (a: AgentClient) => ((await http("GET", "/api/canned", a.token)).body as CannedResponse[]).map((c) => c.shortcut);
    expect(await shortcuts(maria)).toEqual(["hello", "invoice", "refund", "thanks"]);
    expect(await shortcuts(tom)).toEqual(["bye", "hello", "invoice", "order", "refund"]);
    expect(await shortcuts(priya)).toEqual(["logs"]);
    expect(await shortcuts(admin)).toEqual(["bye", "hello", "invoice", "logs", "order", "refund"]);
    expect((await http("GET", "/api/canned", null)).status).toBe(401);

    // Personal: any agent; the same shortcut twice in one scope is refused, a bad one too.
    const mine = await http("POST", "/api/canned", tom.token, { shortcut: "eta", title: "ETA", text: "About {field.minutes} minutes." });
    expect(mine.status).toBe(201);
    const eta = mine.body as CannedResponse;
    expect(eta).toMatchObject({ team: null, ownerId: "tom", shortcut: "eta" });
    expect((await http("POST", "/api/canned", tom.token, { shortcut: "eta", title: "Again", text: "x" })).status).toBe(409);
    expect((await http("POST", "/api/canned", tom.token, { shortcut: "Not OK!", title: "Bad", text: "x" })).status).toBe(400);
    expect((await http("POST", "/api/canned", tom.token, { shortcut: "x", title: "x", text: "\u0000" })).status).toBe(400);
    expect(await shortcuts(maria)).not.toContain("eta");

    // A team's: admins only; an agent may not edit or delete a team's nor a colleague's own.
    expect((await http("POST", "/api/canned", tom.token, { team: "billing", shortcut: "team1", title: "T", text: "x" })).status).toBe(403);
    expect((await http("POST", "/api/canned", admin.token, { team: "nowhere", shortcut: "team1", title: "T", text: "x" })).status).toBe(400);
    const team = await http("POST", "/api/canned", admin.token, { team: "billing", shortcut: "team1", title: "T", text: "x" });
    expect(team.status).toBe(201);
    const teamId = (team.body as CannedResponse).id;
    expect(await shortcuts(maria)).toContain("team1");
    expect((await http("PUT", `/api/canned/${teamId}`, maria.token, { team: "billing", shortcut: "team1", title: "T", text: "y" })).status).toBe(403);
    expect((await http("DELETE", `/api/canned/${eta.id}`, maria.token)).status).toBe(403);
    expect((await http("PUT", `/api/canned/${eta.id}`, tom.token, { shortcut: "eta", title: "ETA", text: "Soon." })).body).toMatchObject({ text: "Soon." });
    expect((await http("DELETE", `/api/canned/${eta.id}`, tom.token)).status).toBe(204);
    expect((await http("DELETE", `/api/canned/${teamId}`, admin.token)).status).toBe(204);
    expect((await http("DELETE", `/api/canned/${teamId}`, admin.token)).status).toBe(404);
  });

  it("a private note reaches the agents it should, mentions notify, and the visitor never receives it", async () => {
    const v: VisitorClient = track(await visitor(baton.url, identifiedAs("carlos.perez@example.mx")));
    await v.say("My invoice INV-2041 was charged twice");
    await v.say("I want to talk to a human please");
    await maria.waitFor("conversation:assigned", (p: { context: { conversation: { id: string } } }) => p.context.conversation.id === v.conversationId);

    const secret = "internal: refund approved by finance, @tom please double-check the ledger";
    const ack = await maria.call<{ id: string; mentions: string[]; mentionNames: string[]; authorName: string }>("note:add", { conversationId: v.conversationId, text: secret });
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.data).toMatchObject({ mentions: ["tom"], mentionNames: ["Tom Becker"], authorName: "María García" });
    const mention = await tom.waitFor<{ note: { text: string; conversationId: string }; by: string }>("mention");
    expect(mention).toMatchObject({ by: "María García", note: { text: secret, conversationId: v.conversationId } });
    await maria.waitFor<{ text: string }>("note", (n) => n.text === secret);

    // Tom (mentioned) and the admin read the notes; Priya (technical, not mentioned) may not.
    expect(((await http("GET", `/api/conversations/${v.conversationId}/notes`, tom.token)).body as { text: string }[]).map((n) => n.text)).toEqual([secret]);
    expect((await http("GET", `/api/conversations/${v.conversationId}/notes`, admin.token)).status).toBe(200);
    expect((await http("GET", `/api/conversations/${v.conversationId}/notes`, priya.token)).status).toBe(403);
    const refused = await priya.call("note:add", { conversationId: v.conversationId, text: "let me in" });
    expect(refused.ok).toBe(false);

    // The visitor: a message after the note arrives, the history is redrawn; the note is in neither.
    const reply = await maria.call("message:send", { conversationId: v.conversationId, clientMessageId: "after-note", text: "Checking your invoice now." });
    expect(reply.ok).toBe(true);
    await v.waitFor<{ text: string }>("message", (m) => m.text === "Checking your invoice now.");
    const history = await v.call("history", {});
    expect(history.ok).toBe(true);
    const seen = JSON.stringify([v.events, history]);
    expect(seen).not.toContain("refund approved by finance");
    expect(v.events.map((e) => e.event)).not.toContain("note");
  });

  it("finds chats by words in their transcripts and filters the list, only among those the agent may read", async () => {
    type Row = { id: string; visitor: string; state: string; hit: { text: string } | null; waitingSince: number | null };
    const list = async (a: AgentClient, query: string) => (await http("GET", `/api/conversations?${query}`, a.token)).body as Row[];
    const carlos = (await list(maria, "filter=mine")).at(0);
    expect(carlos?.visitor).toBe("Carlos Pérez");
    const found = await list(maria, `q=${encodeURIComponent("charged twice")}`);
    expect(found.map((r) => r.id)).toEqual([carlos?.id]);
    expect(found[0]?.hit?.text).toContain("INV-2041 was charged twice");
    expect(await list(maria, "q=inv-2041")).toHaveLength(1);
    expect(await list(maria, "q=nothing+like+this")).toEqual([]);
    // Priya (technical) may not read a billing chat: search does not reveal it.
    expect(await list(priya, "q=charged")).toEqual([]);
    expect((await list(admin, "q=charged")).map((r) => r.id)).toEqual([carlos?.id]);
    expect(await list(maria, "filter=unassigned")).toEqual([]);
    expect(await list(maria, "filter=vip")).toEqual([]);
    expect((await list(tom, "filter=team")).map((r) => r.id)).toContain(carlos?.id);
    expect((await http("GET", "/api/conversations?filter=bogus", maria.token)).status).toBe(400);

    // A VIP waiting in the queue (María at her cap of one, for the moment).
    expect((await maria.call("cap:set", { cap: 1 })).ok).toBe(true);
    const jane: VisitorClient = track(await visitor(baton.url, identifiedAs("jane.miller@acme.example")));
    await jane.say("I need to talk to a person about my invoice");
    const vip = await list(admin, "filter=vip");
    expect(vip.map((r) => r.visitor)).toContain("Jane Miller (Acme Corp)");
    const waiting = await list(admin, "filter=waiting");
    expect(waiting[0]?.state).toBe("queued");
    expect(waiting[0]?.waitingSince).not.toBeNull();
    expect((await maria.call("cap:set", { cap: 3 })).ok).toBe(true);
  });

  it("names an anonymous visitor with a stable friendly label and their browser, and shows a returning customer's past chats", async () => {
    const ua = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15";
    const res = await fetch(`${baton.url}/api/visitor/session`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": ua },
      body: JSON.stringify({ locale: "en-US", timeZone: "America/New_York" }),
    });
    const session = (await res.json()) as { conversationId: string; visitorId: string };
    const { friendlyName } = await import("../../src/core/visitor/index.js");
    const { loadContext } = await import("../../src/app/index.js");
    // The context of a handed-off chat carries the label; here the visitor info is read the same way.
    const { visitorInfoOf } = await import("../../src/app/index.js");
    const info = await visitorInfoOf(baton.engine, await baton.engine.conversation(session.conversationId));
    expect(info).toMatchObject({ label: friendlyName(session.visitorId), labelSource: "friendly", city: "New York", browser: "Safari 17", os: "macOS 10.15", device: "desktop", pastChats: 0 });

    // Carlos comes back (a new conversation): the context counts his earlier chat, history lists it, its transcript reads.
    const first = (await http("GET", "/api/conversations?filter=mine", maria.token)).body as { id: string; visitor: string }[];
    const earlier = first.find((r) => r.visitor === "Carlos Pérez");
    expect((await maria.call("resolve", { conversationId: earlier?.id })).ok).toBe(true);
    clock.advance(60_000);
    const again: VisitorClient = track(await visitor(baton.url, identifiedAs("carlos.perez@example.mx")));
    expect(again.conversationId).not.toBe(earlier?.id);
    await again.say("I want to talk to a human about invoice INV-2041 again");
    // Handed off (queued or with an agent: either way the context is built).
    await again.waitFor<{ state: string }>("status", (st) => st.state !== "bot");
    const context = await loadContext(baton.engine, again.conversationId);
    expect(context.visitor).toMatchObject({ label: "Carlos Pérez", labelSource: "customer", pastChats: 1 });
    const history = (await http("GET", `/api/conversations/${again.conversationId}/history`, maria.token)).body as { id: string; state: string }[];
    expect(history).toMatchObject([{ id: earlier?.id, state: "resolved" }]);
    const transcript = (await http("GET", `/api/conversations/${earlier?.id}/transcript`, maria.token)).body as { messages: { text: string }[] };
    expect(transcript.messages.map((m) => m.text)).toContain("My invoice INV-2041 was charged twice");
    expect((await http("GET", `/api/conversations/${earlier?.id}/transcript`, priya.token)).status).toBe(403);
  });
});
