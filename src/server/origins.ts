import type { IncomingMessage } from "node:http";

/**
 * Which browser origins may open Baton's sockets: Baton's own (the page's Origin matches the
 * Host it was served from, or the configured publicUrl) and the configured widget origins.
 * Requests without an Origin header (servers, tests, native clients) are not browsers' and pass.
 *
 * @example
 * const origins = socketOriginCheck("https://chat.example", ["https://shop.example"]);
 * new Server(http, { allowRequest: origins.allowRequest, cors: { origin: origins.corsOrigin } });
 */
export function socketOriginCheck(publicUrl: string, allowed: readonly string[]) {
  const listed = new Set([publicUrl, ...allowed].map((u) => new URL(u).origin));
  const ok = (origin: string | undefined, host: string | undefined): boolean => {
    if (origin === undefined) return true;
    if (listed.has(origin)) return true;
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  };
  return {
    allowRequest(req: IncomingMessage, done: (err: string | null | undefined, success: boolean) => void): void {
      const allowedOrigin = ok(req.headers.origin, req.headers.host);
      done(allowedOrigin ? null : "origin not allowed: add it to security.allowedOrigins", allowedOrigin);
    },
    /** For cross-origin long-polling: only listed origins get CORS headers. */
    corsOrigin(origin: string | undefined, done: (err: Error | null, allow?: boolean) => void): void {
      done(null, origin !== undefined && listed.has(origin));
    },
  };
}
