import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

/** The Redis server tests use (CI sets BATON_TEST_REDIS_URL and starts the server). */
export const REDIS_URL = process.env.BATON_TEST_REDIS_URL || "redis://127.0.0.1:6379";

/** Why Redis cannot be used, or null when it answers. */
export async function redisProblem(): Promise<string | null> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    redis.disconnect();
  }
}

/** A key prefix of its own (so parallel runs never share keys), and a way to delete its keys after. */
export function uniqueRedisPrefix(label: string): { prefix: string; drop(): Promise<void> } {
  const prefix = `baton-test-${label}-${randomBytes(4).toString("hex")}:`;
  return {
    prefix,
    async drop() {
      const redis = new Redis(REDIS_URL);
      try {
        let cursor = "0";
        do {
          const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
          cursor = next;
          if (keys.length > 0) await redis.del(...keys);
        } while (cursor !== "0");
      } finally {
        redis.disconnect();
      }
    },
  };
}
