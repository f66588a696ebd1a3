/**
 * The closed set of domain error codes. `src/server/error-handler.ts` maps each code to an
 * HTTP status and a socket error frame in one table; add a code here and the compiler asks
 * for its mapping there.
 */
export type DomainErrorCode =
  | "invalid_input"
  | "invalid_config"
  | "not_found"
  | "conversation_not_found"
  | "agent_not_found"
  | "invalid_transition"
  | "not_assigned_to_you"
  | "agent_at_cap"
  | "offer_not_found"
  | "unauthenticated"
  | "forbidden"
  | "conflict"
  | "rate_limited"
  /** Cluster: no router leader answered in time (a failover in progress); the client retries. */
  | "unavailable"
  /** Cluster: a routing write from a leader whose epoch has passed (fencing); refused. */
  | "stale_leader";

export const DOMAIN_ERROR_CODES: readonly DomainErrorCode[] = [
  "invalid_input",
  "invalid_config",
  "not_found",
  "conversation_not_found",
  "agent_not_found",
  "invalid_transition",
  "not_assigned_to_you",
  "agent_at_cap",
  "offer_not_found",
  "unauthenticated",
  "forbidden",
  "conflict",
  "rate_limited",
  "unavailable",
  "stale_leader",
];

/**
 * An expected failure with a code from the closed union.
 *
 * @example
 * throw new DomainError("invalid_transition", "cannot resolve a conversation that is still with the bot");
 */
export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
