import type { AgentProfile, RoutingRequest } from "../core/model.js";
import { constraintsFor, failingLayer, signatureOf } from "../core/routing/index.js";

/**
 * Who could ever take a queued chat under a policy: the chats with the same `key` have the same
 * answer for every agent, and `serves` tells whether an online agent with a free slot could
 * take it once all its escalation steps are applied. The simulator uses it to see the moment a
 * waiting visitor loses their last live option (the waiting guarantee's trigger).
 */
export interface LivePath {
  key(request: RoutingRequest): string;
  serves(agent: AgentProfile, request: RoutingRequest): boolean;
}

/** Baton's eligibility (the production layers: team, skills, language, tier) after every escalation step. */
export const batonLivePath: LivePath = {
  key: (r) => signatureOf(constraintsFor(r, r.escalation.length)),
  serves: (agent, r) => failingLayer({ ...agent, presence: "online", active: [], idleSince: 0 }, constraintsFor(r, r.escalation.length)) === null,
};

/** The peers give any chat to any online agent with a slot. */
export const anyAgentLivePath: LivePath = { key: () => "any", serves: (agent) => agent.cap > 0 };
