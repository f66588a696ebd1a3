import { parseArgs } from "node:util";
import { POLICY_NAMES, type PolicyName } from "./policy.js";

/** What `npm run simulate -- <scenario.yaml> [options]` asks for. */
export interface CliArgs {
  readonly scenario: string;
  readonly seed: number | undefined;
  readonly json: boolean;
  readonly html: string | undefined;
  readonly policies: readonly PolicyName[];
  readonly progress: boolean;
  readonly hours: number | undefined;
}

export const USAGE = `usage: npm run simulate -- <scenario.yaml> [--seed N] [--json] [--html report.html]
                        [--policy baton|round-robin|least-busy|all] [--hours H] [--progress]`;

/** Parses the command line; throws an Error with the usage on anything wrong. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      seed: { type: "string" },
      json: { type: "boolean", default: false },
      html: { type: "string" },
      policy: { type: "string", default: "all" },
      progress: { type: "boolean", default: false },
      hours: { type: "string" },
    },
  });
  const [scenario, ...extra] = positionals;
  if (scenario === undefined || extra.length > 0) throw new Error(USAGE);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) throw new Error(`--seed must be an integer 0 .. 2^32-1\n${USAGE}`);
  const hours = values.hours === undefined ? undefined : Number(values.hours);
  if (hours !== undefined && !(hours > 0)) throw new Error(`--hours must be a positive number\n${USAGE}`);
  const policy = values.policy ?? "all";
  const policies = policy === "all" ? POLICY_NAMES : POLICY_NAMES.filter((p) => p === policy);
  if (policies.length === 0) throw new Error(`unknown --policy "${policy}"\n${USAGE}`);
  return { scenario, seed, json: values.json ?? false, html: values.html, policies, progress: values.progress ?? false, hours };
}
