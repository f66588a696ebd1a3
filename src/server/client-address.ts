import type { IncomingMessage } from "node:http";
import proxyaddr from "@fastify/proxy-addr";

/**
 * Which proxies in front of Baton may say who the client is (config `server.trustProxy`): `false`
 * (the default: the TCP peer is the client, X-Forwarded-For is ignored), a number of hops (that
 * many proxies in front, e.g. 1 for one load balancer), or the proxies' addresses and CIDRs
 * (`["10.0.0.0/8"]`; also `loopback`, `linklocal`, `uniquelocal`). Never "trust everyone": then any
 * client could name its own address and step around the per-address limits.
 */
export type TrustProxy = false | number | readonly string[];

/**
 * The client address of a request as HTTP routes (fastify's `trustProxy`, same library) and the
 * socket gateways see it: the TCP peer, or the nearest untrusted address in X-Forwarded-For.
 *
 * @example
 * const addressOf = clientAddress(["10.0.0.0/8"]);
 * addressOf(socket.request); // "203.0.113.7" behind the load balancer at 10.0.0.2
 */
export function clientAddress(trust: TrustProxy): (req: IncomingMessage) => string {
  const trusted = trustFunction(trust);
  if (trusted === false) return (req) => req.socket.remoteAddress ?? "unknown";
  return (req) => proxyaddr(req, trusted);
}

/** Whether the proxy at `addr`, `i` hops from Baton, may name the client; the form fastify's `trustProxy` takes too. */
export function trustFunction(trust: TrustProxy): false | ((addr: string, i: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === "number") return (_addr, i) => i < trust;
  return proxyaddr.compile([...trust]);
}
