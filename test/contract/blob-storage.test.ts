import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsClient } from "aws4fetch";
import { describe, it } from "vitest";
import { LocalDiskBlobStorage, S3BlobStorage } from "../../src/adapters/blob/index.js";
import { blobStorageContract } from "./blob-storage.contract.js";

blobStorageContract("local disk", async () => {
  const dir = await mkdtemp(join(tmpdir(), "baton-blobs-"));
  return { blobs: new LocalDiskBlobStorage(join(dir, "nested")), dispose: () => rm(dir, { recursive: true, force: true }) };
});

// An S3-compatible server for the S3 adapter: BATON_TEST_S3_URL, e.g. http://key:secret@127.0.0.1:5123
// (moto_server, MinIO). A fresh bucket per test, removed after it.
const s3 = process.env.BATON_TEST_S3_URL;
if (s3 === undefined || s3 === "") {
  describe.skip("blob storage contract (S3): set BATON_TEST_S3_URL to run it against an S3-compatible server", () => {
    it("skipped", () => {});
  });
} else {
  const u = new URL(s3);
  const endpoint = `${u.protocol}//${u.host}`;
  const credentials = { accessKeyId: decodeURIComponent(u.username) || "test", secretAccessKey: decodeURIComponent(u.password) || "test", region: "us-east-1" };
  const admin = new AwsClient({ ...credentials, service: "s3" });
  blobStorageContract("S3", async () => {
    const bucket = `baton-test-${randomBytes(4).toString("hex")}`;
    const made = await admin.fetch(`${endpoint}/${bucket}`, { method: "PUT" });
    if (!made.ok) throw new Error(`could not create bucket ${bucket}: ${made.status} ${await made.text()}`);
    const blobs = new S3BlobStorage({ endpoint, bucket, prefix: "baton/", ...credentials });
    return {
      blobs,
      dispose: async () => {
        for (const key of ["c1/a1", "c1/a2"]) await blobs.delete(key);
        await admin.fetch(`${endpoint}/${bucket}`, { method: "DELETE" });
      },
    };
  });
}
