import type { AgentProfile, RoutingRequest } from "../model.js";

/** Builders for agents and routing requests, for tests and the bench (not exported from the folder's index). */
export function agent(id: string, over: Partial<AgentProfile> = {}): AgentProfile {
  return {
    id,
    name: id,
    email: `${id}@example.test`,
    role: "agent",
    teams: ["support"],
    skills: [{ skill: "billing", proficiency: 3 }],
    languages: ["en"],
    translationEnabled: false,
    senior: false,
    cap: 2,
    ...over,
  };
}

export function request(conversationId: string, at: number, over: Partial<RoutingRequest> = {}): RoutingRequest {
  return {
    conversationId,
    ruleId: "billing",
    skills: ["billing"],
    team: null,
    language: "en",
    allowTranslation: false,
    tier: "any",
    csmAgentId: null,
    priority: 0,
    triggeredAt: at,
    arrivedAt: at,
    slaDeadline: at + 60_000,
    escalation: [],
    excludeAgentIds: [],
    targetAgentId: null,
    ...over,
  };
}
