import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { eld } from "eld";
import { describe, expect, it } from "vitest";
import { ELD_DATABASE_FILE, installedEldVersion, loadCompactEld } from "./eld-database.js";
import { MODEL_DIR } from "./linear/model-files.js";

describe("compact eld database", () => {
  it("detects exactly what eld's own large database detects", async () => {
    const compact = await loadCompactEld(join(MODEL_DIR, ELD_DATABASE_FILE));
    expect(compact).not.toBeNull();
    const own = eld.newInstance();
    await (own as unknown as { load(size: string): Promise<unknown> }).load("large");
    for (const text of ["¿dónde está mi pedido?", "Zeige die TV-Show", "where is my order", "je veux parler à un conseiller", "担当者と話したいです", "ok"]) {
      const a = compact!.detect(text);
      const b = own.detect(text);
      expect(a.language).toBe(b.language);
      expect(a.getScores()).toEqual(b.getScores());
    }
  }, 30_000);
  it("is ignored when missing, damaged or written for another eld version", async () => {
    const dir = mkdtempSync(join(tmpdir(), "baton-eld-"));
    expect(await loadCompactEld(join(dir, "missing.json.gz"))).toBeNull();
    writeFileSync(join(dir, "bad.json.gz"), "not gzip");
    expect(await loadCompactEld(join(dir, "bad.json.gz"))).toBeNull();
    writeFileSync(join(dir, "old.json.gz"), gzipSync(JSON.stringify({ eld: `0.0.0-not-${installedEldVersion()}`, type: "L60", languages: {}, ngrams: {} })));
    expect(await loadCompactEld(join(dir, "old.json.gz"))).toBeNull();
  });
});
