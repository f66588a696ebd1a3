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
const input = page.locator("#baton-widget textarea");
await input.waitFor();
await page.screenshot({ path: `${out}/01-open.png` });
for (const text of ["Hello", "I have a question about my invoice INV-2041", "Can I talk to a person please?"]) {
  await input.fill(text);
  await input.press("Enter");
  await page.waitForTimeout(1500);
}
await page.screenshot({ path: `${out}/02-asked.png` });
await browser.close();
