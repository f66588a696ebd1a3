import { chromium } from "playwright-core";
const URL = process.env.URL ?? "http://localhost:3990";
const out = "/tmp/walk";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
// Agent first: María online.
const agentPage = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: "Europe/Paris" })).newPage();
await agentPage.goto(`${URL}/console/`);
await agentPage.getByLabel("E-mail").fill("maria@demo.baton");
await agentPage.getByLabel("Password").fill("demo");
await agentPage.getByRole("button", { name: /sign in/i }).click();
await agentPage.waitForTimeout(1500);
await agentPage.getByRole("button", { name: "Not now" }).click().catch(() => {});
await agentPage.locator("label", { hasText: "Online" }).first().click().catch(async () => agentPage.getByText("Online", { exact: true }).first().click());
await agentPage.waitForTimeout(800);
await agentPage.screenshot({ path: `${out}/20-agent-online.png` });
// Visitor
const ctx = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York", viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
await page.goto(`${URL}/`);
await page.locator("#baton-widget").waitFor({ state: "attached" });
await page.waitForTimeout(800);
await page.locator("#open-chat").click();
const input = page.locator("#baton-widget textarea").last();
await page.waitForTimeout(800);
for (const text of ["Hi", "I was charged twice for my order A-12345", "this is ridiculous, I want to talk to a real person"]) {
  await input.fill(text);
  await input.press("Enter");
  await page.waitForTimeout(1500);
}
const shot = async (name: string) => page.screenshot({ path: `${out}/${name}.png`, clip: { x: 880, y: 80, width: 400, height: 640 } });
await shot("21-visitor-handed");
await agentPage.waitForTimeout(1000);
await agentPage.screenshot({ path: `${out}/22-agent-got-chat.png` });
// Agent types a question the bot already knows
const box = agentPage.getByLabel("Reply to the visitor");
await box.fill("Hi, I'm María. What's your order number?");
await agentPage.waitForTimeout(500);
await agentPage.screenshot({ path: `${out}/23-agent-guard.png` });
await box.fill("Hi, I'm María from billing. I can see order A-12345 was charged twice; I'm refunding the second charge now.");
await box.press("Enter");
await page.waitForTimeout(1500);
await shot("24-visitor-reply");
await input.fill("thank you so much!");
await input.press("Enter");
await agentPage.waitForTimeout(1000);
await agentPage.getByRole("button", { name: "Resolve" }).click();
await page.waitForTimeout(1500);
await shot("25-visitor-csat");
await agentPage.screenshot({ path: `${out}/26-agent-after.png` });
await browser.close();
