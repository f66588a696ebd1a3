import type { FastifyInstance } from "fastify";
import { SignJWT } from "jose";
import { z } from "zod";
import type { Engine } from "../app/index.js";
import { DomainError } from "../core/errors.js";
import { parseInput } from "./validate.js";

const DemoIdentityBody = z.object({ email: z.email() });

/**
 * The demo shop's "backend": signs an identity token for a demo customer, as a real site's server
 * would for its signed-in user. Registered only when Baton runs the demo (`npm start` sets
 * BATON_DEMO_IDENTITY=on); never in a deployment, since it vouches for anyone who asks.
 */
export function demoIdentityRoute(app: FastifyInstance, engine: Engine, jwtSecret: string): void {
  const key = new TextEncoder().encode(jwtSecret);
  app.post("/demo/identity", { schema: { hide: true } }, async (req) => {
    const { email } = parseInput(DemoIdentityBody, req.body);
    const customer = await engine.deps.store.findCustomerByEmail(email);
    if (customer === null) throw new DomainError("not_found", "the demo signs only the demo customers");
    const iat = Math.floor(engine.now() / 1000);
    const identityToken = await new SignJWT({ email })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt(iat)
      .setExpirationTime(iat + 3600)
      .sign(key);
    return { email, identityToken };
  });
}
