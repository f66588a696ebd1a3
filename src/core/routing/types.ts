import type { AgentProfile, AgentRuntime, EscalationStep, Presence, RoutingRequest } from "../model.js";

/** Something that happened that the router must react to. */
export type RouterEvent =
  /** An agent joins the roster, or their profile (skills, cap, teams...) changes. */
  | { readonly kind: "agent_upsert"; readonly agent: AgentProfile }
  | { readonly kind: "agent_presence"; readonly agentId: string; readonly presence: Presence }
  | { readonly kind: "agent_remove"; readonly agentId: string }
  /** A handoff needs a human: assign, offer, or queue. */
  | { readonly kind: "enqueue"; readonly request: RoutingRequest }
  /** The conversation leaves routing (resolved, went async, visitor left): frees its agent or queue slot. */
  | { readonly kind: "release"; readonly conversationId: string }
  /** Frees the current agent and routes again with a new request (a transfer). */
  | { readonly kind: "transfer"; readonly request: RoutingRequest }
  | { readonly kind: "offer_accept"; readonly conversationId: string; readonly agentId: string }
  | { readonly kind: "offer_decline"; readonly conversationId: string; readonly agentId: string }
  /** New options (an admin edit), in force from now on: open offers keep their expiry. */
  | { readonly kind: "set_options"; readonly options: RouterOptions }
  /** Process everything due at `now`: escalation steps, offer timeouts, SLA breaches. */
  | { readonly kind: "tick" };

/** One filtering layer of candidate selection and how many agents it removed. */
export interface LayerStep {
  readonly layer: "target" | "presence" | "excluded" | "team" | "skills" | "language" | "tier" | "capacity";
  readonly before: number;
  readonly after: number;
}

/** Why the router did what it did; shown to agents and admins. */
export interface Explanation {
  readonly summary: string;
  readonly layers: readonly LayerStep[];
  /** For a pick: the ordered reasons this agent won (named CSM, proficiency 5 vs 4, load 1/3 vs 2/3...). */
  readonly reasons: readonly string[];
}

/** Decisions the app carries out. */
export type Effect =
  | { readonly kind: "assign"; readonly conversationId: string; readonly agentId: string; readonly explanation: Explanation }
  | {
      readonly kind: "offer";
      readonly conversationId: string;
      readonly agentId: string;
      readonly expiresAt: number;
      readonly explanation: Explanation;
    }
  /** Waiting: `Router.positionOf` tells where it stands. */
  | { readonly kind: "queued"; readonly conversationId: string; readonly explanation: Explanation }
  | { readonly kind: "offer_expired"; readonly conversationId: string; readonly agentId: string }
  | { readonly kind: "escalated"; readonly conversationId: string; readonly step: EscalationStep }
  | { readonly kind: "sla_breached"; readonly conversationId: string; readonly ruleId: string; readonly deadline: number }
  /** Taken back from an agent (went offline, removed, declined) and routed again. */
  | {
      readonly kind: "requeued";
      readonly conversationId: string;
      readonly fromAgentId: string;
      readonly reason: "agent_offline" | "agent_away" | "agent_removed" | "declined" | "offer_timeout" | "transferred";
    }
  | { readonly kind: "released"; readonly conversationId: string; readonly agentId: string | null };

/** Something a `tick` would act on now (see `Router.due`). */
export type DueNotice =
  | { readonly kind: "escalate"; readonly conversationId: string; readonly at: number; readonly step: EscalationStep }
  | { readonly kind: "offer_timeout"; readonly conversationId: string; readonly at: number; readonly agentId: string }
  | { readonly kind: "sla_breach"; readonly conversationId: string; readonly at: number; readonly ruleId: string }
  /** An agent who declined (or let time out) an offer of this chat may be offered it again. */
  | { readonly kind: "cooloff_end"; readonly conversationId: string; readonly at: number; readonly agentId: string };

export interface RouterOptions {
  readonly offers: {
    readonly enabled: boolean;
    readonly timeoutSeconds: number;
    /**
     * Seconds an agent who declined an offer (or let it time out) is skipped for that chat, so it
     * goes round the others first; then they may be offered it again. Default 30.
     */
    readonly declineCooloffSeconds?: number;
  };
  /** What happens to an agent's chats when they go away / offline. */
  readonly onAway: "keep" | "requeue";
  readonly onOffline: "keep" | "requeue";
}

/** Read-only view for UIs, wait estimates, invariant checks and rebuilding after restart. */
export interface RouterSnapshot {
  readonly agents: readonly AgentRuntime[];
  /** Queued requests in service order (best first), with the escalation steps already applied. */
  readonly queue: readonly { readonly request: RoutingRequest; readonly appliedSteps: number }[];
  /** conversationId -> agentId for assigned chats, and open offers with their expiry. */
  readonly assignments: readonly { readonly conversationId: string; readonly agentId: string; readonly request: RoutingRequest }[];
  readonly offers: readonly {
    readonly conversationId: string;
    readonly agentId: string;
    readonly expiresAt: number;
    readonly request: RoutingRequest;
  }[];
}
