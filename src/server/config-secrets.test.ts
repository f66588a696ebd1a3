import { describe, expect, it } from "vitest";
import { isDomainError } from "../core/errors.js";
import { MASK, maskSecrets, restoreSecrets } from "./config-secrets.js";

const FILE = [
  "# Baton",
  "server:",
  "  sessionSecret: 'session-secret-0123456789' # rotate yearly",
  "storage:",
  "  url: postgres://baton:p%40ss-w0rd@db.internal:5432/baton",
  "cluster:",
  "  redisUrl: redis://127.0.0.1:6379/0",
  "security:",
  "  previousSessionSecrets: [old-secret-0123456789ab]",
  "  identity:",
  "    hmacSecret: hmac-secret-0123456789",
  "  metricsToken: null",
  "smtp:",
  "  host: mail.example",
  "  from: Support <s@example.com>",
  "  pass: smtp-password",
  "bots:",
  "  external:",
  "    - { id: hook, kind: webhook, url: 'https://bot.example/hook', secret: hook-secret-0123456789 }",
  "    - id: rasa",
  "      kind: rasa",
  "      url: http://rasa:5005",
  "      secret: rasa-secret-0123456789",
  "",
].join("\n");

describe("the config's secrets on the admin page", () => {
  it("masks every secret written in the file, line for line, and keeps the rest as written", () => {
    const masked = maskSecrets(FILE);
    for (const secret of ["session-secret-0123456789", "p%40ss-w0rd", "old-secret-0123456789ab", "hmac-secret-0123456789", "smtp-password", "hook-secret-0123456789", "rasa-secret-0123456789"]) {
      expect(masked).not.toContain(secret);
    }
    expect(masked.split("\n")).toHaveLength(FILE.split("\n").length);
    expect(masked).toContain(`  sessionSecret: "${MASK}" # rotate yearly`);
    expect(masked).toContain(`  url: "postgres://baton:${MASK}@db.internal:5432/baton"`);
    expect(masked).toContain("  redisUrl: redis://127.0.0.1:6379/0"); // no password: untouched
    expect(masked).toContain("  metricsToken: null");
    expect(masked).toContain("# Baton");
  });

  it("puts back each secret left masked, a bot's by its id even when the bots were reordered", () => {
    const masked = maskSecrets(FILE);
    const edited = masked
      .replace("  host: mail.example", "  host: smtp.example")
      .replace(/ {4}- \{ id: hook.*\}\n/, "")
      .concat(`    - { id: hook, kind: webhook, url: 'https://bot.example/v2', secret: "${MASK}" }\n`);
    const restored = restoreSecrets(edited, FILE, "baton.yaml");
    expect(restored).toContain("  host: smtp.example");
    expect(restored).toContain('  sessionSecret: "session-secret-0123456789" # rotate yearly');
    expect(restored).toContain('    hmacSecret: "hmac-secret-0123456789"');
    expect(restored).toContain('  pass: "smtp-password"');
    expect(restored).toContain('  url: "postgres://baton:p%40ss-w0rd@db.internal:5432/baton"');
    expect(restored).toContain('      secret: "rasa-secret-0123456789"');
    expect(restored).toContain('  previousSessionSecrets: ["old-secret-0123456789ab"]');
    expect(restored).toContain(`url: 'https://bot.example/v2', secret: "hook-secret-0123456789" }`);
    expect(restored).not.toContain(MASK);
  });

  it("keeps a secret the admin typed, and refuses a masked one with nothing to come back from, naming path and line", () => {
    const typed = maskSecrets(FILE).replace(`    hmacSecret: "${MASK}"`, "    hmacSecret: a-brand-new-secret-0123");
    expect(restoreSecrets(typed, FILE, "baton.yaml")).toContain("    hmacSecret: a-brand-new-secret-0123");
    const newBot = `${maskSecrets(FILE)}    - { id: another, kind: webhook, url: 'https://x.example', secret: "${MASK}" }\n`;
    try {
      restoreSecrets(newBot, FILE, "baton.yaml");
      expect.unreachable();
    } catch (err) {
      expect(isDomainError(err) && err.code).toBe("invalid_config");
      expect((err as Error).message).toContain("bots.external[2].secret (line 24)");
    }
  });
});
