export { LocalDiskBlobStorage } from "./local-disk.blob-storage.js";
export { type S3Location, S3BlobStorage } from "./s3.blob-storage.js";
