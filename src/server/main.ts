import { isDomainError } from "../core/errors.js";
import { startBaton } from "./baton.js";

/** `npm start`: Baton on embedded SQLite with the demo data, widget and console served. */
async function main(): Promise<void> {
  const baton = await startBaton();
  const shown = baton.url.replace("127.0.0.1", "localhost");
  process.stdout.write(
    [
      "",
      `Baton is running on ${shown}`,
      `  demo site with the widget   ${shown}/`,
      `  agent console               ${shown}/console/   (maria@demo.baton / demo, admin@demo.baton / admin)`,
      `  admin and dashboard         ${shown}/admin/`,
      `  API docs (OpenAPI)          ${shown}/docs`,
      `  Bot API key                 ${process.env.BATON_BOT_API_KEY ? "(from BATON_BOT_API_KEY)" : baton.botApiKey}`,
      "",
    ].join("\n"),
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
