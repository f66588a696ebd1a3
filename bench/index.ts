import os from "node:os";
import { type BenchOptions, parseArgs, type Suite, type SuiteResult } from "./bench-kit.js";
import { runClusterBench } from "./cluster.bench.js";
import { runE2eBench } from "./e2e.bench.js";
import { runNluBench } from "./nlu.bench.js";
import { runRoutingBench } from "./routing.bench.js";
import { runSimulatorBench } from "./simulator.bench.js";
import { runTranslationBench } from "./translation.bench.js";

/**
 * Every suite `npm run bench` runs, in order. Adding one is one line here: a name and a
 * `run(opts) → SuiteResult` (see bench-kit.ts).
 */
const SUITES: readonly Suite[] = [
  { name: "routing", run: runRoutingBench },
  { name: "e2e", run: runE2eBench },
  { name: "simulator", run: runSimulatorBench },
  { name: "translation", run: runTranslationBench },
  { name: "nlu", run: runNluBench },
  { name: "cluster", run: runClusterBench },
];

/**
 * `npm run bench [-- --quick] [-- --json] [-- suite-name...]`: prints the machine and a
 * timestamp, runs the suites, and exits non-zero when a suite's checks failed (never for speed).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { quick, json } = parseArgs(args);
  const only = args.filter((a) => !a.startsWith("--"));
  const unknown = only.filter((n) => !SUITES.some((s) => s.name === n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown suite(s): ${unknown.join(", ")}; known: ${SUITES.map((s) => s.name).join(", ")}\n`);
    process.exitCode = 2;
    return;
  }
  const out = json ? process.stderr : process.stdout;
  const opts: BenchOptions = { quick, json, log: (line) => out.write(`${line}\n`) };
  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  };
  const timestamp = new Date().toISOString();
  opts.log(`Baton bench ${timestamp}${quick ? " (quick)" : ""}`);
  opts.log(`machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGb} GB, node ${machine.node}, ${machine.platform}\n`);
  const results: SuiteResult[] = [];
  for (const suite of SUITES) {
    if (only.length > 0 && !only.includes(suite.name)) continue;
    const started = performance.now();
    const r = await suite.run(opts);
    results.push(r);
    const seconds = (performance.now() - started) / 1000;
    opts.log(`\n${suite.name}: ${r.ok ? "ok" : "FAILED (see above)"} in ${seconds.toFixed(1)} s\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify({ timestamp, machine, quick, results }, null, 2)}\n`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}

await main();
