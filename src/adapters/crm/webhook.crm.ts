import type { Customer } from "../../core/model.js";
import type { Crm } from "../../ports/crm.js";
import { crmCustomerSchema } from "./crm-customer.schema.js";

/** Why a webhook lookup gave no customer although the CRM should have answered with one. */
export interface CrmError {
  readonly kind: "timeout" | "network" | "http_status" | "invalid_json" | "invalid_customer";
  readonly message: string;
  /** HTTP status, for "http_status" (and the status of the bad answer otherwise). */
  readonly status?: number;
}

export interface WebhookCrmOptions {
  /** Endpoint that takes `POST {"email": ..., "customerId": ...}` and answers with a customer. */
  readonly url: string;
  /** Whole request, body included; on expiry the lookup gives null. */
  readonly timeoutMs: number;
  /** Extra request headers, e.g. `{ authorization: "Bearer …" }`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** Told about every failed lookup (never about "not found"); the lookup still gives null. */
  readonly onError?: (error: CrmError) => void;
}

/**
 * The Crm port over a webhook. It POSTs `{ email, customerId }` (absent ones as null) as JSON
 * and reads the answer with `crmCustomerSchema`. A 404, a 204 or a JSON `null` body mean "no
 * such customer". Everything else that is not a valid customer (timeout, network error, other
 * non-2xx status, malformed JSON, wrong shape) gives null and is reported to `onError`.
 * `lookup` never throws. A query with neither key gives null without a request.
 * @example
 * const crm = createWebhookCrm({ url: "https://crm.acme.test/baton", timeoutMs: 1500, onError: (e) => log.warn(e) });
 * await crm.lookup({ email: "ana@example.com" }); // Customer | null
 */
export function createWebhookCrm(options: WebhookCrmOptions): Crm {
  const doFetch = options.fetch ?? fetch;
  const fail = (error: CrmError): null => {
    try {
      options.onError?.(error);
    } catch {
      // A throwing reporter must not make lookup throw.
    }
    return null;
  };

  return {
    async lookup(query): Promise<Customer | null> {
      if (!query.email && !query.customerId) return null;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs);
      let status: number | undefined;
      try {
        const res = await doFetch(options.url, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json", ...options.headers },
          body: JSON.stringify({ email: query.email ?? null, customerId: query.customerId ?? null }),
          signal: controller.signal,
        });
        status = res.status;
        const text = await res.text();
        if (res.status === 404 || res.status === 204) return null;
        if (!res.ok) return fail({ kind: "http_status", status, message: `CRM answered ${status} ${res.statusText}` });
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch (e) {
          return fail({ kind: "invalid_json", status, message: `CRM answer is not JSON: ${(e as Error).message}` });
        }
        if (body === null) return null;
        const parsed = crmCustomerSchema.safeParse(body);
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
          return fail({ kind: "invalid_customer", status, message: `CRM answer is not a customer: ${issues}` });
        }
        return parsed.data;
      } catch (e) {
        if (controller.signal.aborted) return fail({ kind: "timeout", status, message: `CRM did not answer within ${options.timeoutMs} ms` });
        return fail({ kind: "network", status, message: `CRM request failed: ${(e as Error).message}` });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
