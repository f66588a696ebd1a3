import { chromium } from "playwright-core";
const URL = process.env.URL ?? "http://localhost:3990";
const out = "/tmp/walk";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const signIn = async (email: string) => {
  const p = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: "Europe/Paris" })).newPage();
  await p.goto(`${URL}/console/`);
  await p.getByLabel("E-mail").fill(email);
  await p.getByLabel("Password").fill("demo");
  await p.getByRole("button", { name: /sign in/i }).click();
  await p.waitForTimeout(1500);
  await p.getByRole("button", { name: "Not now" }).click().catch(() => {});
  await p.locator("label", { hasText: "Online" }).first().click();
  await p.waitForTimeout(500);
  return p;
};
const maria = await signIn("maria@demo.baton");
const tom = await signIn("tom@demo.baton");
// Spanish visitor
const ctx = await browser.newContext({ locale: "es-ES", timezoneId: "Europe/Madrid", viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
await page.goto(`${URL}/`);
await page.locator("#baton-widget").waitFor({ state: "attached" });
await page.waitForTimeout(800);
await page.locator("#open-chat").click();
const input = page.locator("#baton-widget textarea").last();
await page.waitForTimeout(800);
for (const text of ["Hola", "¿Dónde está mi pedido?", "A-77881", "Quiero hablar con una persona, por favor"]) {
  await input.fill(text);
  await input.press("Enter");
  await page.waitForTimeout(1500);
}
const shot = async (name: string) => page.screenshot({ path: `${out}/${name}.png`, clip: { x: 880, y: 80, width: 400, height: 640 } });
await shot("30-es-visitor");
await maria.screenshot({ path: `${out}/31-maria.png` });
await tom.screenshot({ path: `${out}/32-tom.png` });
await browser.close();
