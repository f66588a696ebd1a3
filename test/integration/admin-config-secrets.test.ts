/**
 * The admin page's config editor showed the file as written, secrets included (a bot's signing
 * secret, SMTP password): anyone looking over an admin's shoulder, or a screenshot in a ticket,
 * had them. Now the API masks them, and saving the masked text keeps the real ones.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MASK } from "../../src/server/config-secrets.js";
import { startTestBaton } from "../e2e/harness.js";
import { shippedConfigWithBots } from "./bot-servers.js";
import { agent } from "./clients.js";

const BOT_SECRET = "hook-signing-secret-0123456789";

describe("the admin config editor and the file's secrets", () => {
  const dir = mkdtempSync(join(tmpdir(), "baton-config-secrets-"));
  const configPath = join(dir, "baton.yaml");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows the file with its secrets masked, and a save of the masked text keeps them", async () => {
    writeFileSync(configPath, shippedConfigWithBots(`bots:\n  default: builtin\n  external:\n    - { id: hook, kind: webhook, url: "https://bot.example/hook", secret: ${BOT_SECRET} }\n`));
    const baton = await startTestBaton({ configPath });
    try {
      const admin = await agent(baton.url, "admin@demo.baton", "admin", "offline");
      const headers = { authorization: `Bearer ${admin.token}`, "content-type": "application/json" };
      const shown = (await (await fetch(`${baton.url}/api/admin/config`, { headers })).json()) as { yaml: string };
      expect(shown.yaml).not.toContain(BOT_SECRET);
      expect(shown.yaml).toContain(`secret: "${MASK}"`);

      const edited = shown.yaml.replace(/declineCooloffSeconds: \d+/, "declineCooloffSeconds: 17");
      expect(edited).not.toBe(shown.yaml);
      const saved = await fetch(`${baton.url}/api/admin/config`, { method: "PUT", headers, body: JSON.stringify({ yaml: edited }) });
      expect(saved.status).toBe(200);
      const onDisk = readFileSync(configPath, "utf8");
      expect(onDisk).toContain(BOT_SECRET);
      expect(onDisk).toContain("declineCooloffSeconds: 17");
      expect(onDisk).not.toContain(MASK);
      expect(baton.engine.config.bots.external[0]?.secret).toBe(BOT_SECRET);

      // A masked secret for a bot the file never had: a clear error, nothing written.
      const newBot = edited.replace(`secret: "${MASK}" }`, `secret: "${MASK}" }\n    - { id: other, kind: webhook, url: "https://other.example", secret: "${MASK}" }`);
      const refused = await fetch(`${baton.url}/api/admin/config`, { method: "PUT", headers, body: JSON.stringify({ yaml: newBot }) });
      expect(refused.status).toBe(422);
      expect(JSON.stringify(await refused.json())).toContain("bots.external[1].secret");
      expect(readFileSync(configPath, "utf8")).toBe(onDisk);
      admin.close();
    } finally {
      await baton.close();
    }
  });
});
