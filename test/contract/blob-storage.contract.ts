import { describe, expect, it } from "vitest";
import type { BlobStorage } from "../../src/ports/blob.storage.js";

/**
 * The contract every BlobStorage meets (local disk always; S3-compatible when a server is given).
 *
 * @example
 * blobStorageContract("local disk", async () => ({ blobs: new LocalDiskBlobStorage(dir), dispose }));
 */
export function blobStorageContract(name: string, fresh: () => Promise<{ blobs: BlobStorage; dispose(): Promise<void> }>): void {
  describe(`blob storage contract (${name})`, () => {
    it("stores, reads back, replaces and deletes bytes by key", async () => {
      const { blobs, dispose } = await fresh();
      try {
        const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 10, 13]);
        expect(await blobs.get("c1/a1")).toBeNull();
        await blobs.put("c1/a1", bytes);
        expect(await blobs.get("c1/a1")).toEqual(bytes);
        await blobs.put("c1/a1", new Uint8Array([1, 2, 3]));
        expect(await blobs.get("c1/a1")).toEqual(new Uint8Array([1, 2, 3]));
        await blobs.put("c1/a2", new Uint8Array(0));
        expect(await blobs.get("c1/a2")).toEqual(new Uint8Array(0));
        await blobs.delete("c1/a1");
        await blobs.delete("c1/a1");
        expect(await blobs.get("c1/a1")).toBeNull();
      } finally {
        await dispose();
      }
    });

    it("refuses keys that could leave its place", async () => {
      const { blobs, dispose } = await fresh();
      try {
        for (const key of ["../x", "a/../../x", "/etc/passwd", "a//b", "a\\b", "", "a/b.png"]) {
          await expect(blobs.put(key, new Uint8Array([1])), key).rejects.toThrow(/invalid blob key/);
        }
      } finally {
        await dispose();
      }
    });
  });
}
