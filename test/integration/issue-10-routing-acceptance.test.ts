import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { FakeClock } from "../../src/adapters/clock/index.js";
import type { HandoffContextV1 } from "../../src/core/context/index.js";
import { matchRule } from "../../src/core/rules/index.js";
import type { Explanation } from "../../src/core/routing/index.js";
import { startTestBaton } from "../e2e/harness.js";
import { type AgentClient, agent, identifiedAs, visitor } from "./clients.js";
import { emptyQueueAndDesks } from "./reset.js";

/**
 * Issue 10: every routing decision one a support lead would sign off. The scenarios live in
 * docs/routing-acceptance.yaml (one row each: messages, customer, who is online with their load,
 * expected agent, rule, priority and why); this file plays each row over real sockets against a
 * server on the shipped config and demo seed.
 */

/** Tuesday 24 Nov 2026, 10:00 in Paris. */
const TUESDAY_10_PARIS = Date.UTC(2026, 10, 24, 9, 0);

const Row = z.strictObject({
  id: z.string().min(1),
  seen: z.string().min(1),
  customer: z.email().nullable(),
  locale: z.string().default("en-US"),
  online: z.array(z.strictObject({ agent: z.string().min(1), load: z.number().int().min(0).default(0) })).min(1),
  messages: z.array(z.string().min(1)).min(1),
  expect: z.strictObject({
    waitsSeconds: z.number().int().min(0).default(0),
    agent: z.string().min(1),
    rule: z.string().min(1),
    priority: z.number().int(),
    explanation: z.array(z.string()).default([]),
    summary: z.array(z.string()).default([]),
    joined: z.string().optional(),
  }),
  why: z.string().min(1),
});
type Row = z.infer<typeof Row>;

const rows = z.array(Row).parse(parse(readFileSync(new URL("../../docs/routing-acceptance.yaml", import.meta.url), "utf8")));
const seed = parse(readFileSync(new URL("../../config/demo-seed.yaml", import.meta.url), "utf8")) as {
  agents: { id: string; email: string; password: string; teams: string[]; skills: { skill: string }[] }[];
};

type Assigned = { context: HandoffContextV1; explanation: Explanation | null };
type Status = { state: string };

describe("issue 10: routing acceptance (docs/routing-acceptance.yaml)", () => {
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  let clock: FakeClock;
  const open: { close(): void }[] = [];

  beforeAll(async () => {
    clock = new FakeClock(TUESDAY_10_PARIS);
    baton = await startTestBaton({ clock, env: { BATON_HOURS: "always-open" } });
  }, 60_000);
  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    await emptyQueueAndDesks(baton);
  });
  afterAll(async () => {
    await baton?.close();
  });

  const login = async (id: string): Promise<AgentClient> => {
    const a = seed.agents.find((x) => x.id === id);
    if (a === undefined) throw new Error(`no agent ${id} in config/demo-seed.yaml`);
    const client = await agent(baton.url, a.email, a.password, "offline");
    open.push(client);
    return client;
  };

  /** A Bot API topic whose rule this agent may take alone (their team and skills), for filler chats. */
  const fillerTopic = (id: string): string => {
    const a = seed.agents.find((x) => x.id === id);
    for (const topic of ["none", "billing", "technical", "presale"] as const) {
      const m = matchRule(baton.engine.config.rules, { topic, trigger: "bot_api", tier: "standard", language: "en", afterHours: false });
      const t = m?.rule.target;
      if (t === undefined || a === undefined) continue;
      if ((t.team === null || a.teams.includes(t.team)) && t.skills.every((s) => a.skills.some((k) => k.skill === s))) return topic;
    }
    throw new Error(`no rule lets ${id} take a filler chat`);
  };

  /** Gives an agent `load` chats while nobody else is online. */
  const fill = async (client: AgentClient, load: number) => {
    const topic = fillerTopic(client.agentId);
    for (let i = 0; i < load; i++) {
      const v = await visitor(baton.url);
      open.push(v);
      const res = await fetch(`${baton.url}/api/bot/conversations/${v.conversationId}/handoff`, {
        method: "POST",
        headers: { authorization: `Bearer ${baton.botApiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ reason: "filler chat for the load", topic }),
      });
      expect(res.status).toBe(200);
      await client.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    }
  };

  it.each(rows.map((r) => [r.id, r] as const))("%s", async (_id, row: Row) => {
    const clients = new Map<string, AgentClient>();
    for (const { agent: id } of row.online) clients.set(id, await login(id));
    // Each loaded agent gets their chats alone; then everyone comes online in the listed order.
    for (const { agent: id, load } of row.online) {
      if (load === 0) continue;
      const c = clients.get(id) as AgentClient;
      expect((await c.call("presence:set", { presence: "online" })).ok).toBe(true);
      await fill(c, load);
      expect((await c.call("presence:set", { presence: "away" })).ok).toBe(true);
    }
    for (const { agent: id, load } of row.online) {
      clock.advance(1000);
      expect((await (clients.get(id) as AgentClient).call("presence:set", { presence: "online" })).ok).toBe(true);
      expect(baton.engine.router.agent(id)?.active.length, `${id}'s load`).toBe(load);
    }
    clock.advance(1000);
    const v = await visitor(baton.url, { locale: row.locale, ...(row.customer === null ? {} : identifiedAs(row.customer)) });
    open.push(v);
    for (const text of row.messages) expect((await v.say(text)).ok).toBe(true);

    const want = row.expect;
    const chosen = clients.get(want.agent);
    if (chosen === undefined) throw new Error(`${row.id}: expected agent ${want.agent} is not in the online list`);
    const mine = (p: Assigned) => p.context.conversation.id === v.conversationId;
    if (want.waitsSeconds > 0) {
      await v.waitFor<Status>("status", (s) => s.state === "queued");
      for (const c of clients.values()) expect(c.events.some((e) => e.event === "conversation:assigned" && mine(e.payload as Assigned)), `${c.agentId} took it at once`).toBe(false);
      clock.advance(want.waitsSeconds * 1000);
    }
    const { context, explanation } = await chosen.waitFor<Assigned>("conversation:assigned", mine);
    for (const c of clients.values()) {
      if (c !== chosen) expect(c.events.some((e) => e.event === "conversation:assigned" && mine(e.payload as Assigned)), `also sent to ${c.agentId}`).toBe(false);
    }
    expect(context.ruleId, "rule").toBe(want.rule);
    expect(context.priority, "priority").toBe(want.priority);
    const why = `${explanation?.summary ?? ""} | ${(explanation?.reasons ?? []).join(" | ")}`;
    for (const phrase of want.explanation) expect(why, "explanation").toContain(phrase);
    for (const phrase of want.summary) expect(context.summary, "summary").toContain(phrase);
    if (want.joined !== undefined) {
      const joined = await v.waitFor<{ author: string; text: string }>("message", (m) => m.author === "system" && m.text.includes(baton.engine.router.agent(want.agent)?.name ?? "?"));
      expect(joined.text).toBe(want.joined);
    }
  }, 60_000);
});

describe("issue 10: router options edited by an admin, and declined offers", () => {
  it("options saved on the admin page apply at once; two declines leave a chat queued only until the cool-off ends", async () => {
    const dir = mkdtempSync(join(tmpdir(), "baton-issue10-"));
    const configPath = join(dir, "baton.yaml");
    copyFileSync("config/baton.yaml", configPath);
    const clock = new FakeClock(TUESDAY_10_PARIS);
    const baton = await startTestBaton({ clock, configPath, env: { BATON_HOURS: "always-open" } });
    const open: { close(): void }[] = [];
    try {
      expect(baton.engine.router.options.offers.enabled).toBe(false);
      const admin = await agent(baton.url, "admin@demo.baton", "admin", "offline");
      open.push(admin);
      const yaml = readFileSync(configPath, "utf8").replace(
        /offers:\n(\s+)enabled: false\n\s+timeoutSeconds: 30\n/,
        "offers:\n$1enabled: true\n$1timeoutSeconds: 20\n",
      );
      const edited = yaml.replace(/declineCooloffSeconds: 30/, "declineCooloffSeconds: 15");
      expect(edited).not.toBe(yaml);
      const res = await fetch(`${baton.url}/api/admin/config`, {
        method: "PUT",
        headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json" },
        body: JSON.stringify({ yaml: edited }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, router: { offers: { enabled: true, timeoutSeconds: 20, declineCooloffSeconds: 15 } } });
      const maria = await agent(baton.url, "maria@demo.baton");
      const tom = await agent(baton.url, "tom@demo.baton");
      const v = await visitor(baton.url);
      open.push(maria, tom, v);
      await v.say("I want to talk to a human about my invoice");
      type Offered = { context: HandoffContextV1; expiresAt: number };
      const mine = (p: Offered) => p.context.conversation.id === v.conversationId;
      // Offers are on without a restart, with the new timeout.
      const first = await maria.waitFor<Offered>("conversation:offered", mine);
      expect(first.expiresAt).toBe(clock.now() + 20_000);
      expect((await maria.call("offer:decline", { conversationId: v.conversationId })).ok).toBe(true);
      await tom.waitFor<Offered>("conversation:offered", mine);
      expect((await tom.call("offer:decline", { conversationId: v.conversationId })).ok).toBe(true);
      await v.waitFor<Status>("status", (s) => s.state === "queued");
      expect(baton.engine.router.stateOf(v.conversationId)).toBe("queued");
      // Both were tried; once the cool-off ends the chat is offered again instead of waiting for good.
      clock.advance(15_000);
      await maria.waitFor("conversation:offered", (p: Offered) => mine(p) && p.expiresAt === clock.now() + 20_000);
      expect((await maria.call("offer:accept", { conversationId: v.conversationId })).ok).toBe(true);
      await maria.waitFor<Assigned>("conversation:assigned", (p) => p.context.conversation.id === v.conversationId);
    } finally {
      for (const c of open) c.close();
      await baton.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
