import { writeFileSync } from "node:fs";
import { DomainError } from "../core/errors.js";
import { parseCliArgs } from "./cli-args.js";
import { formatTable } from "./format-table.js";
import { loadScenario } from "./load-scenario.js";
import { progressBar } from "./progress-bar.js";
import { renderHtml } from "./render-html.js";
import { simulate } from "./simulate.js";

/** `npm run simulate -- config/scenarios/mixed-skill-day.yaml [--seed N] [--json] [--html out.html] [--policy all]` */
function main(argv: readonly string[]): number {
  try {
    const args = parseCliArgs(argv);
    const bundle = loadScenario(args.scenario);
    const bar = args.progress || process.stderr.isTTY ? progressBar(process.stderr, "simulating") : null;
    const started = performance.now();
    const report = simulate(bundle, {
      ...(args.seed === undefined ? {} : { seed: args.seed }),
      ...(args.hours === undefined ? {} : { durationHours: args.hours }),
      policies: args.policies,
      ...(bar === null ? {} : { onProgress: (f: number) => bar.update(f) }),
    });
    bar?.done();
    process.stderr.write(`simulated in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    if (args.html !== undefined) {
      writeFileSync(args.html, renderHtml(report));
      process.stderr.write(`wrote ${args.html}\n`);
    }
    process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatTable(report));
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof DomainError || err instanceof Error ? err.message : String(err)}\n`);
    return err instanceof DomainError ? 2 : 1;
  }
}

process.exitCode = main(process.argv.slice(2));
