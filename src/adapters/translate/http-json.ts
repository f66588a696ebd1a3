import type { z } from "zod";
import { TranslatorError } from "../../ports/translator.js";

/**
 * One HTTP call to a translation server with Node's fetch, bounded by `timeoutMs`
 * (AbortSignal.timeout), its JSON answer read with `schema`. Every failure becomes a
 * TranslatorError: timeout, unavailable (network, 5xx), unsupported_pair (a 4xx, with the
 * server's own words), bad_answer (not JSON, or not the expected shape).
 */
export async function fetchJson<T>(url: string, init: RequestInit, timeoutMs: number, schema: z.ZodType<T>, what: string): Promise<T> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch (e) {
    const name = (e as Error).name;
    if (name === "TimeoutError" || name === "AbortError") throw new TranslatorError("timeout", `${what} did not answer within ${timeoutMs} ms`);
    throw new TranslatorError("unavailable", `${what} is unreachable: ${(e as Error).message}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (!res.ok) throw new TranslatorError(res.status >= 500 ? "unavailable" : "unsupported_pair", `${what} answered ${res.status}: ${text.slice(0, 200)}`);
    throw new TranslatorError("bad_answer", `${what} did not answer JSON: ${text.slice(0, 200)}`);
  }
  if (!res.ok) {
    const words = typeof body === "object" && body !== null ? (((body as Record<string, unknown>).error ?? (body as Record<string, unknown>).explanation) as string | undefined) : undefined;
    throw new TranslatorError(res.status >= 500 ? "unavailable" : "unsupported_pair", `${what} answered ${res.status}${words === undefined ? "" : `: ${words}`}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new TranslatorError("bad_answer", `${what} answered an unexpected shape: ${parsed.error.issues[0]?.message ?? "?"}`);
  return parsed.data;
}
