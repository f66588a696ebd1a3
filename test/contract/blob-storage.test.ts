import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalDiskBlobStorage } from "../../src/adapters/blob/index.js";
import { blobStorageContract } from "./blob-storage.contract.js";

blobStorageContract("local disk", async () => {
  const dir = await mkdtemp(join(tmpdir(), "baton-blobs-"));
  return { blobs: new LocalDiskBlobStorage(join(dir, "nested")), dispose: () => rm(dir, { recursive: true, force: true }) };
});
