import { AwsClient } from "aws4fetch";
import type { BlobStorage } from "../../ports/blob.storage.js";

/** Where an S3-compatible bucket is: endpoint (AWS, MinIO, Ceph, R2…), bucket, region and keys. */
export interface S3Location {
  /** e.g. "https://s3.eu-west-3.amazonaws.com" or "http://127.0.0.1:9000". */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Optional key prefix inside the bucket ("baton/"). */
  readonly prefix?: string;
}

const KEY = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;

/**
 * BlobStorage in an S3-compatible bucket, path-style URLs, requests signed with SigV4 by aws4fetch.
 *
 * @example
 * const blobs = new S3BlobStorage({ endpoint: "http://127.0.0.1:9000", bucket: "baton", region: "us-east-1", accessKeyId, secretAccessKey });
 */
export class S3BlobStorage implements BlobStorage {
  private readonly aws: AwsClient;

  constructor(private readonly at: S3Location) {
    this.aws = new AwsClient({ accessKeyId: at.accessKeyId, secretAccessKey: at.secretAccessKey, region: at.region, service: "s3" });
  }

  private url(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid blob key "${key}"`);
    return `${this.at.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(this.at.bucket)}/${this.at.prefix ?? ""}${key}`;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const res = await this.aws.fetch(this.url(key), { method: "PUT", body: new Uint8Array(bytes), headers: { "content-type": "application/octet-stream" } });
    if (!res.ok) throw new Error(`S3 PUT ${key}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  }

  async get(key: string): Promise<Uint8Array | null> {
    const res = await this.aws.fetch(this.url(key), { method: "GET" });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`S3 GET ${key}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.aws.fetch(this.url(key), { method: "DELETE" });
    if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  }
}
