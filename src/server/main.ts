import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isDomainError } from "../core/errors.js";
import { startupBanner } from "./banner.js";
import { startBaton } from "./baton.js";
import { resolveConfigPath } from "./config.js";

/**
 * `npm start`: Baton on embedded SQLite with the demo data, widget and console served. The config
 * file comes from `--config <path>`, else `BATON_CONFIG`, else config/baton.yaml.
 */
async function main(): Promise<void> {
  const configPath = resolveConfigPath(process.argv.slice(2), process.env);
  // `npm start` runs the demo shop, whose "backend" signs the demo customers' identities.
  const baton = await startBaton({ configPath, demoIdentity: process.env.BATON_DEMO_IDENTITY === "on" });
  const shown = baton.url.replace("127.0.0.1", "localhost");
  // Secrets never go to stdout (logs are shipped and kept): a generated key goes to a file only this user reads.
  let botKey = "from BATON_BOT_API_KEY";
  if (!process.env.BATON_BOT_API_KEY) {
    const file = resolve("data/bot-api-key");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${baton.botApiKey}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    botKey = `generated for this run, in ${file} (set BATON_BOT_API_KEY to keep one)`;
  }
  process.stdout.write(
    startupBanner({ url: shown, teams: baton.config.teams, now: baton.engine.now(), botKey, hours: process.env.BATON_HOURS, configPath: resolve(configPath) }),
  );
  const stop = async () => {
    await baton.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  if (isDomainError(err)) {
    process.stderr.write(`Baton could not start: ${err.message}\n`);
    const issues = (err.details?.issues ?? []) as { path?: string; line?: number; message: string }[];
    for (const i of issues) process.stderr.write(`  - ${i.path ?? ""}${i.line ? ` (line ${i.line})` : ""}: ${i.message}\n`);
  } else {
    process.stderr.write(`Baton could not start: ${(err as Error).stack ?? String(err)}\n`);
  }
  process.exit(1);
});
