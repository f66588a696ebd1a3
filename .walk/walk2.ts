import { chromium } from "playwright-core";
const URL = process.env.URL ?? "http://localhost:3990";
const out = "/tmp/walk";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const ctx = await browser.newContext({ locale: "en-US", timezoneId: "Europe/Paris", viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
await page.goto(`${URL}/`);
await page.locator("#baton-widget").waitFor({ state: "attached" });
await page.waitForTimeout(1000);
await page.locator("#open-chat").click();
await page.waitForTimeout(1500);
// the same browser storage: the conversation resumes
await page.locator("#baton-widget").evaluate((h) => { const list = h.shadowRoot?.querySelector(".messages, [role=log]"); if (list) list.scrollTop = 0; });
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/03-top.png`, clip: { x: 880, y: 80, width: 400, height: 640 } });
await browser.close();
