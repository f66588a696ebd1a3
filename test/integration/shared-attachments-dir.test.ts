import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { checkSharedAttachmentsDir, DIR_TOKEN_FILE } from "../../src/server/shared-attachments-dir.js";
import { IN_CI } from "./pg-database.js";
import { REDIS_URL, redisProblem, uniqueRedisPrefix } from "./redis-server.js";

/**
 * A cluster keeping attachments on local disk needs one directory shared by every node; with
 * each node's own, a file sent through node A is "not found" through node B. Each node now checks
 * at start that its directory is the cluster's.
 */

const problem = await redisProblem();
if (problem !== null && IN_CI) throw new Error(`Redis is needed in CI: ${problem}`);

describe.skipIf(problem !== null)("the cluster's attachments directory", () => {
  const redis = new Redis(REDIS_URL);
  const keys = uniqueRedisPrefix("attachments-dir");
  const root = mkdtempSync(join(tmpdir(), "baton-attachments-dir-"));
  afterAll(async () => {
    redis.disconnect();
    await keys.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it("passes for nodes sharing one directory, and names the problem for a node with its own", async () => {
    const shared = join(root, "shared");
    expect(await checkSharedAttachmentsDir(redis, keys.prefix, shared), "the first node").toBeNull();
    expect(await checkSharedAttachmentsDir(redis, keys.prefix, shared), "a second node on the same volume").toBeNull();

    const own = join(root, "own");
    const refused = await checkSharedAttachmentsDir(redis, keys.prefix, own);
    expect(refused).toContain(own);
    expect(refused).toContain("has no .baton-cluster-dir file");
    expect(refused).toContain("BATON_ATTACHMENTS_S3_URL");

    const other = join(root, "other");
    await checkSharedAttachmentsDir(redis, uniqueRedisPrefix("elsewhere").prefix, other); // another cluster's directory
    expect(await checkSharedAttachmentsDir(redis, keys.prefix, other)).toContain("has another .baton-cluster-dir file");

    // Redis emptied (a restart without persistence): the next node's directory is the reference again.
    await redis.del(`${keys.prefix}attachments-dir`);
    expect(await checkSharedAttachmentsDir(redis, keys.prefix, shared)).toBeNull();
    expect(await checkSharedAttachmentsDir(redis, keys.prefix, own)).not.toBeNull();
    mkdirSync(own, { recursive: true });
    writeFileSync(join(own, DIR_TOKEN_FILE), "tampered\n");
    expect(await checkSharedAttachmentsDir(redis, keys.prefix, own)).toContain("has another");
  });
});
