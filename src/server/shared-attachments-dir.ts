import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Redis } from "ioredis";

/** The file, inside the attachments directory, that names the directory the cluster's nodes share. */
export const DIR_TOKEN_FILE = ".baton-cluster-dir";

/**
 * In a cluster whose attachments are on a local directory, every node must see the same
 * directory (a shared volume): otherwise a file sent through node A is "not found" through node
 * B, and nothing says why. The first node to start writes a random token into the directory and
 * into Redis; every other node checks that its directory holds the same token. Resolves with
 * null when the directory is shared (or this node is the first), else with what is wrong.
 *
 * @example
 * const problem = await checkSharedAttachmentsDir(redis, "baton:", "/var/lib/baton/attachments");
 * if (problem !== null) log.error(problem);
 */
export async function checkSharedAttachmentsDir(redis: Redis, keyPrefix: string, dir: string): Promise<string | null> {
  const file = join(dir, DIR_TOKEN_FILE);
  const key = `${keyPrefix}attachments-dir`;
  let mine = await readFile(file, "utf8").then(
    (t) => t.trim(),
    () => null,
  );
  const cluster = await redis.get(key);
  if (cluster === null) {
    // The first node (or Redis was emptied): this directory's token becomes the cluster's.
    if (mine === null) {
      mine = randomBytes(16).toString("hex");
      await mkdir(dir, { recursive: true });
      await writeFile(file, `${mine}\n`, { flag: "wx" }).catch(async () => {
        mine = (await readFile(file, "utf8")).trim(); // another node of this directory wrote it first
      });
    }
    const set = await redis.set(key, mine as string, "NX");
    if (set === "OK") return null;
    return compare(await redis.get(key), mine, dir);
  }
  return compare(cluster, mine, dir);
}

function compare(cluster: string | null, mine: string | null, dir: string): string | null {
  if (cluster === null || cluster === mine) return null;
  return (
    `the attachments directory ${dir} is not the one the other nodes of this cluster use ` +
    `(${mine === null ? "it has no" : "it has another"} ${DIR_TOKEN_FILE} file): a file sent through one node would be "not found" through another. ` +
    "Give every node the same directory (a shared volume, BATON_ATTACHMENTS_DIR) or an S3 bucket (BATON_ATTACHMENTS_S3_URL)."
  );
}
