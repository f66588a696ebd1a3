import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/adapters/clock/index.js";
import type { PresentedMessage } from "../../src/app/index.js";
import { GIF_HTML_POLYGLOT, HTML, PDF_HTML_POLYGLOT, upload } from "../integration/attachment-files.js";
import { screenshot, signInAgent } from "./console-helpers.js";
import { launchBrowser, startTestBaton } from "./harness.js";
import { openWidget, say, shot, w, widgetConversationId } from "./widget-helpers.js";

const clock = new FakeClock(Date.UTC(2026, 10, 24, 9, 0));
/** A 48x32 PNG (a real picture, so the thumbnails have something to show). */
const picture = async (page: Page): Promise<Buffer> =>
  Buffer.from(
    await page.evaluate(() => {
      const c = document.createElement("canvas");
      c.width = 48;
      c.height = 32;
      const g = c.getContext("2d") as CanvasRenderingContext2D;
      g.fillStyle = "#2456d3";
      g.fillRect(0, 0, 48, 32);
      g.fillStyle = "#f3c46b";
      g.fillRect(8, 8, 20, 14);
      return c.toDataURL("image/png").split(",")[1] ?? "";
    }),
    "base64",
  );
const loaded = (img: ReturnType<Page["locator"]>) => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0);

describe("issue 17: attachments in both directions (real browser)", () => {
  let baton: Awaited<ReturnType<typeof startTestBaton>>;
  let browser: Browser;
  let maria: Page;
  let visitor: Page;

  beforeAll(async () => {
    [baton, browser] = await Promise.all([startTestBaton({ clock }), launchBrowser()]);
    maria = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    visitor = await (await browser.newContext({ viewport: { width: 420, height: 800 }, acceptDownloads: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.close();
  });

  it("carries a screenshot from the widget and a PDF from the console, with thumbnails; pages are never rendered", async () => {
    await signInAgent(maria, baton.url, "maria@demo.baton");
    await openWidget(visitor, baton.url);
    await say(visitor, "I want to talk to a person about my invoice");
    const transcript = maria.getByRole("log", { name: "Transcript" });
    await maria.getByRole("complementary", { name: "Conversation context" }).waitFor();

    // The visitor attaches a screenshot: a thumbnail on both sides.
    const png = await picture(visitor);
    await visitor.locator("#baton-widget .attach input[type=file]").setInputFiles({ name: "error screen.png", mimeType: "image/png", buffer: png });
    const widgetThumb = visitor.locator(`${w.messages} .msg.visitor a.attachment img`);
    await widgetThumb.waitFor();
    await expect.poll(() => loaded(widgetThumb)).toBe(true);
    const consoleThumb = transcript.locator(".line-visitor img.thumb");
    await consoleThumb.waitFor();
    await expect.poll(() => loaded(consoleThumb)).toBe(true);
    expect(await consoleThumb.getAttribute("alt")).toBe("error screen.png");

    // A page is refused by its bytes, whatever it is called; the widget says why.
    await visitor.locator("#baton-widget .attach input[type=file]").setInputFiles({ name: "cat.png", mimeType: "image/png", buffer: HTML });
    expect(await visitor.locator("#baton-widget .attach [role=alert]").innerText()).toMatch(/only images .* and PDF/);

    // María sends a PDF that was named "invoice.html": the widget offers it as a download.
    await maria.locator("#composer-file").setInputFiles({ name: "invoice.html", mimeType: "text/html", buffer: PDF_HTML_POLYGLOT });
    await transcript.locator(".line-agent a.attachment.file").waitFor();
    const link = visitor.locator(`${w.messages} .msg.agent a.attachment.file`);
    await link.waitFor();
    expect(await link.innerText()).toContain("invoice.pdf");
    const [download] = await Promise.all([visitor.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("invoice.pdf");
    await shot(visitor, "widget-attachments");
    await screenshot(maria, "console-attachments");

    // Opened directly, an uploaded "evil.html" is a download or an image, never a page that runs.
    const conversationId = await widgetConversationId(visitor);
    const token = await visitor.evaluate(() => {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i) ?? "";
        if (k.endsWith("token") && !k.endsWith("resumeToken")) return localStorage.getItem(k);
      }
      return null;
    });
    expect(token).not.toBeNull();
    const poly = await upload(baton.url, "/api/visitor/attachments", token, "evil.html", GIF_HTML_POLYGLOT);
    expect(poly.status).toBe(201);
    const pdf = await upload(baton.url, "/api/visitor/attachments", token, "page.html", PDF_HTML_POLYGLOT);
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    for (const m of [poly.body, pdf.body] as unknown as PresentedMessage[]) {
      expect(m.conversationId).toBe(conversationId);
      const url = `${baton.url}${m.attachment?.url}`;
      const downloaded = page.waitForEvent("download", { timeout: 3000 }).then(
        (d) => d.suggestedFilename(),
        () => null,
      );
      await page.goto(url).catch(() => undefined);
      const name = await downloaded;
      if (m.attachment?.inline) expect(name).toBeNull();
      else expect(name).toBe("page.pdf");
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned).catch(() => undefined)).toBeUndefined();
      expect(await page.title()).not.toBe("pwned");
    }
  });
});
