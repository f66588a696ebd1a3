export { LocalDiskBlobStorage } from "./local-disk.blob-storage.js";
