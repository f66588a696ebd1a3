import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type DomainErrorCode, isDomainError } from "../core/errors.js";
import type { AppLogger } from "../app/index.js";

/** One table: each domain error code → HTTP status. Socket acks carry the same code. */
export const HTTP_STATUS: Readonly<Record<DomainErrorCode, number>> = {
  invalid_input: 400,
  invalid_config: 422,
  not_found: 404,
  conversation_not_found: 404,
  agent_not_found: 404,
  invalid_transition: 409,
  not_assigned_to_you: 403,
  agent_at_cap: 409,
  offer_not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  stale_leader: 503,
};

export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
  readonly details?: unknown;
  readonly correlationId?: string;
}

/**
 * Turns anything thrown into a status and a body. Domain errors and schema failures are the
 * caller's fault and say what to fix; anything else is a 500 with a correlation id, logged once.
 */
export function toErrorResponse(err: unknown, log: AppLogger): { status: number; body: ErrorBody } {
  if (isDomainError(err)) {
    const path = typeof err.details?.path === "string" ? err.details.path : undefined;
    return {
      status: HTTP_STATUS[err.code],
      body: { code: err.code, message: err.message, ...(path === undefined ? {} : { path }), ...(err.details ? { details: err.details } : {}) },
    };
  }
  if (err instanceof z.ZodError) {
    const issue = err.issues[0];
    const path = issue?.path.join(".") ?? "";
    return { status: 400, body: { code: "invalid_input", message: path ? `${path}: ${issue?.message}` : (issue?.message ?? "invalid input"), path } };
  }
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: { code: "invalid_input", message: e.message ?? "bad request" } };
  }
  const correlationId = randomUUID();
  log.error({ err, correlationId }, "unexpected error");
  return { status: 500, body: { code: "internal", message: `Something went wrong on our side (reference ${correlationId}).`, correlationId } };
}
