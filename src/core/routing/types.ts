import type { AgentProfile, AgentRuntime, EscalationStep, Presence, RoutingRequest } from "../model.js";
import type { TranslationSupport } from "../translation/pairs.js";

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
  /**
   * A queued chat taken by hand: by the agent themselves (`by: "agent"`: online, below their cap,
   * and eligible for it once its escalation steps are applied, whoever it is pinned to), or
   * assigned to them by an admin (`by: "admin"`: below their cap). Assigned at once, offers or
   * not; the explanation says so.
   */
  | { readonly kind: "take"; readonly conversationId: string; readonly agentId: string; readonly by: "agent" | "admin" }
  /** The agent holding the chat sent their first message (stops the unanswered clock). */
  | { readonly kind: "answered"; readonly conversationId: string }
  /** New options (an admin edit), in force from now on: open offers keep their expiry. */
  | { readonly kind: "set_options"; readonly options: RouterOptions }
  /**
   * What the translator supports now (its pairs, pivots included, and its health): a
   * translation-enabled agent may take a chat in a language they do not speak only when the
   * translator serves it both ways with one of theirs and is healthy. null: no translator is
   * wired in, and the flag alone decides (the default).
   */
  | { readonly kind: "set_translation"; readonly support: TranslationSupport | null }
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
      readonly reason: "agent_offline" | "agent_away" | "agent_removed" | "declined" | "offer_timeout" | "transferred" | "unanswered";
    }
  | { readonly kind: "released"; readonly conversationId: string; readonly agentId: string | null }
  /**
   * The waiting guarantee: a queued chat has had no live option (no online agent with a cap who
   * may take it now or after its escalation steps) since `since`, for `asyncOfferWithinSeconds`:
   * offer the visitor the async path with a stated reply time. The chat stays queued and is
   * picked up when someone comes.
   */
  | { readonly kind: "async_offered"; readonly conversationId: string; readonly since: number }
  /**
   * An assigned chat whose agent has not sent a first message for `afterSeconds`: flagged to
   * them (`stage: "flagged"`), then taken back (`"reassigned"`, followed by a `requeued` with
   * reason "unanswered": the agent is excluded and the chat routed again).
   */
  | { readonly kind: "unanswered"; readonly conversationId: string; readonly agentId: string; readonly stage: "flagged" | "reassigned"; readonly afterSeconds: number };

/** Something a `tick` would act on now (see `Router.due`). */
export type DueNotice =
  | { readonly kind: "escalate"; readonly conversationId: string; readonly at: number; readonly step: EscalationStep }
  | { readonly kind: "offer_timeout"; readonly conversationId: string; readonly at: number; readonly agentId: string }
  | { readonly kind: "sla_breach"; readonly conversationId: string; readonly at: number; readonly ruleId: string }
  | { readonly kind: "async_offer"; readonly conversationId: string; readonly at: number }
  | { readonly kind: "unanswered"; readonly conversationId: string; readonly at: number; readonly agentId: string; readonly stage: "flagged" | "reassigned" }
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
  /**
   * The waiting guarantee: how long a queued chat may have no live option before its visitor
   * is offered the async path (`async_offered`). Default 15.
   */
  readonly asyncOfferWithinSeconds?: number;
  /**
   * An assigned chat without a first agent message: flagged to the agent after `flagAfterSeconds`,
   * taken back and routed to the next eligible agent after `reassignAfterSeconds`. Absent or
   * null: never.
   */
  readonly unanswered?: { readonly flagAfterSeconds: number; readonly reassignAfterSeconds: number } | null;
}

/** Where a queued chat stands for the visitor (see `Router.standing`). */
export interface Standing {
  /** 1-based: among queued chats that the agents who could take this one would serve first. */
  readonly position: number;
  /** Those agents (online, may take it now or after the next useful escalation step): count, caps, free slots. */
  readonly online: number;
  readonly slots: number;
  readonly free: number;
  /** Until the escalation step that brings those agents in (0 when they may take it now). */
  readonly stepInMs: number;
  /** No live option now: since when (epoch ms), else null. */
  readonly noLiveOptionSince: number | null;
  /** Whether the visitor was offered the async path for the current stretch without a live option. */
  readonly asyncOffered: boolean;
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
