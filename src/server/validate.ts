import type { z } from "zod";
import { DomainError } from "../core/errors.js";

/** Parses input with a schema at the gateway; failures become `invalid_input` naming the path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join(".") ?? "";
  const message = issue === undefined ? "invalid input" : path === "" ? issue.message : `${path}: ${issue.message}`;
  throw new DomainError("invalid_input", message, { path, issues: result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) });
}
