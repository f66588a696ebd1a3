import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { BlobStorage } from "../../ports/blob.storage.js";

/** Keys are path segments of letters, digits, "-" and "_": nothing can climb out of the root. */
const KEY = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;

/**
 * BlobStorage in a directory on local disk (the default: `data/attachments` beside the SQLite file).
 *
 * @example
 * const blobs = new LocalDiskBlobStorage("./data/attachments");
 * await blobs.put("c1/a1", bytes);
 */
export class LocalDiskBlobStorage implements BlobStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid blob key "${key}"`);
    const p = join(this.root, ...key.split("/"));
    if (!p.startsWith(this.root + sep)) throw new Error(`invalid blob key "${key}"`);
    return p;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    // Written to a temporary name first, so a reader never sees half a file.
    await writeFile(`${p}.part`, bytes);
    await rm(p, { force: true });
    await rename(`${p}.part`, p);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.path(key)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}
