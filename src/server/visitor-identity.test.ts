import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import type { IdentityConfig } from "../core/config/index.js";
import { IdentityVerifier, userHashFor } from "./visitor-identity.js";

const NOW = Date.UTC(2026, 10, 24, 9, 0);
const NONE: IdentityConfig = { hmacSecret: null, jwtSecret: null, jwtPublicKey: null, jwtIssuer: null, jwtAudience: null };
const HMAC = "site-hmac-secret-0123456789";

describe("IdentityVerifier", () => {
  it("accepts the HMAC of the e-mail, or of the customer id when one is given, and nothing else", async () => {
    const v = new IdentityVerifier({ ...NONE, hmacSecret: HMAC });
    expect(await v.verify({ email: "a@x.io", userHash: userHashFor(HMAC, "a@x.io") }, NOW)).toEqual({ verified: true, email: "a@x.io" });
    expect(await v.verify({ customerId: "lena", email: "a@x.io", userHash: userHashFor(HMAC, "lena") }, NOW)).toEqual({ verified: true, customerId: "lena" });
    expect(await v.verify({ email: "b@x.io", userHash: userHashFor(HMAC, "a@x.io") }, NOW)).toEqual({ verified: false, claimedEmail: "b@x.io" });
    expect(await v.verify({ email: "a@x.io", userHash: "zz" }, NOW)).toEqual({ verified: false, claimedEmail: "a@x.io" });
    expect(await v.verify({ email: "a@x.io" }, NOW)).toEqual({ verified: false, claimedEmail: "a@x.io" });
  });

  it("without a configured secret nothing is verified", async () => {
    const v = new IdentityVerifier(NONE);
    expect(await v.verify({ email: "a@x.io", userHash: userHashFor(HMAC, "a@x.io") }, NOW)).toEqual({ verified: false, claimedEmail: "a@x.io" });
  });

  it("verifies an ES256 identity JWT with the configured public key, issuer and audience", async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256");
    const v = new IdentityVerifier({ ...NONE, jwtPublicKey: await exportSPKI(publicKey), jwtIssuer: "shop", jwtAudience: "baton" });
    const sign = (claims: Record<string, unknown>, iss = "shop") =>
      new SignJWT(claims).setProtectedHeader({ alg: "ES256" }).setIssuer(iss).setAudience("baton").setExpirationTime(Math.floor(NOW / 1000) + 60).sign(privateKey);
    expect(await v.verify({ identityToken: await sign({ email: "a@x.io" }) }, NOW)).toEqual({ verified: true, email: "a@x.io" });
    expect(await v.verify({ identityToken: await sign({ customer_id: "lena", email: "a@x.io" }) }, NOW)).toEqual({ verified: true, email: "a@x.io", customerId: "lena" });
    expect(await v.verify({ identityToken: await sign({ sub: "lena" }) }, NOW)).toEqual({ verified: true, customerId: "lena" });
    expect((await v.verify({ identityToken: await sign({ email: "a@x.io" }, "elsewhere") }, NOW)).verified).toBe(false);
    expect((await v.verify({ identityToken: await sign({ email: "a@x.io" }) }, NOW + 120_000)).verified).toBe(false);
  });
});
