/**
 * Where attachment bytes live: local disk by default, an S3-compatible bucket as an adapter.
 * Keys are Baton's own ("<conversationId>/<attachmentId>"), never a file name from an upload.
 * One contract suite (test/contract/blob-storage.contract.ts) runs against every implementation.
 */
export interface BlobStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when there is nothing under the key. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}
