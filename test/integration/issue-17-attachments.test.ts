import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import type { PresentedMessage } from "../../src/app/index.js";
import { startTestBaton } from "../e2e/harness.js";
import { GIF_HTML_POLYGLOT, HTML, PDF, PDF_HTML_POLYGLOT, PNG_1X1, upload } from "./attachment-files.js";
import { type AgentClient, agent, type VisitorClient, visitor } from "./clients.js";

const clock = new FakeClock(Date.UTC(2026, 10, 24, 9, 0));
type Baton = Awaited<ReturnType<typeof startTestBaton>>;

describe("issue 17: attachments are hostile input", () => {
  let baton: Baton;
  let maria: AgentClient;
  let priya: AgentClient;
  let v: VisitorClient;
  const open: { close(): void }[] = [];

  beforeAll(async () => {
    baton = await startTestBaton({
      clock,
      env: { BATON_ATTACHMENTS_MAX_BYTES: "4096", BATON_ATTACHMENTS_PER_HOUR: "5", BATON_ATTACHMENTS_PER_IP_PER_MINUTE: "12" },
    });
    maria = await agent(baton.url, "maria@demo.baton");
    priya = await agent(baton.url, "priya@demo.baton", "demo", "offline");
    v = await visitor(baton.url);
    open.push(maria, priya, v);
    await v.say("I want to talk to a human about my invoice");
    await maria.waitFor("conversation:assigned", (p: { context: { conversation: { id: string } } }) => p.context.conversation.id === v.conversationId);
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await baton?.close();
  });

  it("carries an image both ways, shown inline with nosniff and a sandbox, and a PDF as a download", async () => {
    const sent = await upload(baton.url, "/api/visitor/attachments", v.token, "Screen Shot 2026-11-24.png", PNG_1X1);
    expect(sent.status).toBe(201);
    const file = (sent.body as unknown as PresentedMessage).attachment;
    expect(file).toMatchObject({ name: "Screen Shot 2026-11-24.png", type: "image/png", size: PNG_1X1.length, inline: true });
    const seen = await maria.waitFor<PresentedMessage>("message", (m) => m.attachment?.id === file?.id);
    expect(seen.author).toBe("visitor");
    await v.waitFor<PresentedMessage>("message", (m) => m.attachment?.id === file?.id);
    const got = await fetch(`${baton.url}${file?.url}`);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(PNG_1X1);
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(got.headers.get("content-disposition")).toMatch(/^inline; filename="Screen Shot 2026-11-24.png"/);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("content-security-policy")).toContain("sandbox");
    // The URL's key is the capability: a wrong one finds nothing.
    expect((await fetch(`${baton.url}/api/attachments/${file?.id}/${"x".repeat(32)}`)).status).toBe(404);

    // The agent sends a PDF named like a page: stored with its real type's extension, served as a download.
    const pdf = await upload(baton.url, `/api/conversations/${v.conversationId}/attachments`, maria.token, "../../invoice.html", PDF_HTML_POLYGLOT);
    expect(pdf.status).toBe(201);
    const pdfFile = (pdf.body as unknown as PresentedMessage).attachment;
    expect(pdfFile).toMatchObject({ name: "invoice.pdf", type: "application/pdf", inline: false });
    await v.waitFor<PresentedMessage>("message", (m) => m.attachment?.id === pdfFile?.id && m.author === "agent" && m.authorName === "María García");
    const dl = await fetch(`${baton.url}${pdfFile?.url}`);
    expect(dl.headers.get("content-type")).toBe("application/octet-stream");
    expect(dl.headers.get("content-disposition")).toMatch(/^attachment; filename="invoice.pdf"/);

    // History (a reload of the widget) brings the attachment back with its message.
    const history = await v.call<{ messages: PresentedMessage[] }>("history", {});
    if (!history.ok) throw new Error(history.error.message);
    expect(history.data.messages.filter((m) => m.attachment !== undefined).map((m) => m.attachment?.name)).toEqual(["Screen Shot 2026-11-24.png", "invoice.pdf"]);
    const listed = await fetch(`${baton.url}/api/conversations/${v.conversationId}/attachments`, { headers: { authorization: `Bearer ${maria.token}` } });
    expect(((await listed.json()) as { name: string }[]).map((a) => a.name)).toEqual(["Screen Shot 2026-11-24.png", "invoice.pdf"]);
  });

  it("refuses what is not an image or a PDF by its bytes, too-large files, strangers, and floods", async () => {
    const html = await upload(baton.url, "/api/visitor/attachments", v.token, "page.html", HTML);
    expect(html.status).toBe(400);
    expect(html.body.message).toMatch(/only images .* and PDF/);
    expect((await upload(baton.url, "/api/visitor/attachments", v.token, "cat.png", HTML)).status).toBe(400);
    // A GIF that carries a page is a GIF: stored as one, never served as HTML.
    const poly = await upload(baton.url, "/api/visitor/attachments", v.token, "evil.html", GIF_HTML_POLYGLOT);
    expect(poly.status).toBe(201);
    const polyFile = (poly.body as unknown as PresentedMessage).attachment;
    expect(polyFile?.name).toBe("evil.gif");
    const served = await fetch(`${baton.url}${polyFile?.url}`);
    expect(served.headers.get("content-type")).toBe("image/gif");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");

    expect((await upload(baton.url, "/api/visitor/attachments", v.token, "big.png", Buffer.concat([PNG_1X1, Buffer.alloc(5000)]))).status).toBe(413);
    expect((await upload(baton.url, "/api/visitor/attachments", null, "x.png", PNG_1X1)).status).toBe(401);
    expect((await upload(baton.url, `/api/conversations/${v.conversationId}/attachments`, priya.token, "x.png", PNG_1X1)).status).toBe(403);
    expect((await upload(baton.url, "/api/visitor/attachments", v.token, "empty.png", Buffer.alloc(0))).status).toBe(400);

    // Five files an hour in one conversation (three are in): the sixth waits.
    expect((await upload(baton.url, "/api/visitor/attachments", v.token, "4.png", PNG_1X1)).status).toBe(201);
    expect((await upload(baton.url, "/api/visitor/attachments", v.token, "5.png", PDF)).status).toBe(201);
    const sixth = await upload(baton.url, "/api/visitor/attachments", v.token, "6.png", PNG_1X1);
    expect(sixth.status).toBe(429);
    expect(sixth.body.message).toMatch(/5 files an hour/);
    // And per address: another conversation from the same address runs into the limit of 12 a minute.
    const w = await visitor(baton.url);
    open.push(w);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await upload(baton.url, "/api/visitor/attachments", w.token, `w${i}.png`, PNG_1X1)).status);
    expect(statuses.slice(0, 1)).toEqual([201]);
    expect(statuses.at(-1)).toBe(429);
  });
});
