import { createRouter, type Effect, type RouterEvent, type RouterOptions } from "../core/routing/index.js";
import { LeastBusyPolicy } from "./least-busy-policy.js";
import { batonLivePath, type LivePath } from "./live-path.js";
import { RoundRobinPolicy } from "./round-robin-policy.js";

export type PolicyName = "baton" | "round-robin" | "least-busy";
export const POLICY_NAMES: readonly PolicyName[] = ["baton", "round-robin", "least-busy"];

/**
 * What the simulator drives: the production router's event interface. Baton's own router
 * satisfies it as it is; the peers implement the part of it they understand.
 */
export interface SimPolicy {
  readonly name: PolicyName;
  apply(event: RouterEvent, now: number): readonly Effect[];
  /** When the next `tick` has work, or null. */
  nextDue(): number | null;
  /** Which online agents are a live option for a queued chat under this policy. */
  readonly livePath: LivePath;
}

/**
 * A fresh policy. "baton" is `createRouter` from src/core/routing, the router production runs;
 * the others are the peers it is compared with.
 */
export function createPolicy(name: PolicyName, options: RouterOptions): SimPolicy {
  switch (name) {
    case "baton": {
      // Simulated agents write as soon as a chat is theirs: the unanswered clock never runs.
      const router = createRouter({ ...options, unanswered: null });
      return { name, apply: (e, now) => router.apply(e, now), nextDue: () => router.nextDue(), livePath: batonLivePath };
    }
    case "round-robin":
      return new RoundRobinPolicy();
    case "least-busy":
      return new LeastBusyPolicy();
  }
}
