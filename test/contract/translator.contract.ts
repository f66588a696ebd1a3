import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Translator, TranslatorError } from "../../src/ports/translator.js";
import { freePort } from "../integration/ports.js";

/** What each adapter's test file hands the contract: how to make its translator for a base URL. */
export interface TranslatorHarness {
  readonly name: string;
  /** The real server (APY) or the test's LibreTranslate-shaped one. */
  url(): string;
  make(url: string, timeoutMs: number): Translator;
}

async function rejection(p: Promise<unknown>): Promise<TranslatorError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TranslatorError);
  return e as TranslatorError;
}

/**
 * The contract every Translator adapter meets, run against Apertium APY and against a
 * LibreTranslate-shaped server: pairs in ISO 639-1, both directions of English-Spanish, a pivot
 * through Spanish where no direct pair exists (and said so), clear errors, bounded time.
 */
export function translatorContract(h: TranslatorHarness): void {
  describe(`translator contract (${h.name})`, () => {
    let t: Translator;
    let hanging: Server;
    let hangingUrl: string;

    beforeAll(async () => {
      t = h.make(h.url(), 5000);
      hanging = createServer(() => {
        // Accepts the request and never answers.
      });
      await new Promise<void>((r) => hanging.listen(0, "127.0.0.1", r));
      hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      hanging.closeAllConnections();
      await new Promise((r) => hanging.close(r));
    });

    it("lists English-Spanish both ways as direct pairs, in ISO 639-1 codes", async () => {
      const pairs = await t.pairs();
      expect(pairs).toContainEqual({ from: "es", to: "en", via: null });
      expect(pairs).toContainEqual({ from: "en", to: "es", via: null });
      for (const p of pairs) expect(p.from).toMatch(/^[a-z]{2}$/);
    });

    it("translates Spanish to English and back", async () => {
      const out = await t.translate("Hola, necesito ayuda con mi factura", "es", "en");
      expect(out).toMatchObject({ from: "es", to: "en", via: null });
      expect(out.text).toMatch(/help/i);
      expect(out.text).not.toMatch(/necesito/i);
      const back = await t.translate("I need help", "en", "es");
      expect(back.text).toMatch(/ayuda/i);
      expect(back.text).not.toMatch(/help/i);
    });

    it("goes through Spanish where no direct pair exists, and says so", async () => {
      const pairs = await t.pairs();
      expect(pairs).toContainEqual({ from: "fr", to: "en", via: "es" });
      const out = await t.translate("Bonjour, j'ai besoin d'aide", "fr", "en");
      expect(out).toMatchObject({ from: "fr", to: "en", via: "es" });
      expect(out.text).toMatch(/help/i);
    });

    it("refuses a pair it cannot serve, even through a pivot", async () => {
      const e = await rejection(t.translate("こんにちは", "ja", "en"));
      expect(e.kind).toBe("unsupported_pair");
    });

    it("gives the same text back for the same language, without a request", async () => {
      expect(await t.translate("Hola", "es", "es")).toEqual({ text: "Hola", from: "es", to: "es", via: null });
    });

    it("is healthy while the server answers", async () => {
      expect(await t.health()).toEqual({ healthy: true });
    });

    it("a server that is down: unhealthy, and translating fails as unavailable", async () => {
      const down = h.make(`http://127.0.0.1:${await freePort()}`, 2000);
      const health = await down.health();
      expect(health.healthy).toBe(false);
      expect(health.message).toMatch(/unreachable/);
      expect((await rejection(down.translate("Hola", "es", "en"))).kind).toBe("unavailable");
    });

    it("a server that never answers: the call ends at the timeout, as a timeout", async () => {
      const slow = h.make(hangingUrl, 300);
      const e = await rejection(slow.translate("Hola", "es", "en"));
      expect(e.kind).toBe("timeout");
      expect(e.message).toMatch(/300 ms/);
      expect((await slow.health()).healthy).toBe(false);
    });
  });
}
