import type { z } from "zod";
import { DomainError } from "../core/errors.js";
import { controlCharacterPath } from "./protocol.js";

/**
 * Parses input with a schema at the gateway; failures become `invalid_input` naming the path.
 * Text with NUL or another control character (tab and line breaks aside) is refused as well.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    const bad = controlCharacterPath(result.data);
    if (bad !== null) {
      const message = `${bad === "" ? "" : `${bad}: `}control characters (such as NUL) are not allowed in text`;
      throw new DomainError("invalid_input", message, { path: bad, issues: [{ path: bad, message }] });
    }
    return result.data;
  }
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join(".") ?? "";
  const message = issue === undefined ? "invalid input" : path === "" ? issue.message : `${path}: ${issue.message}`;
  throw new DomainError("invalid_input", message, { path, issues: result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) });
}
