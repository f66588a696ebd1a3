import { describe, expect, it } from "vitest";
import { attachmentsConfig, s3FromUrl } from "./attachments.config.js";

describe("attachments config", () => {
  it("defaults to 5 MB, 20 files an hour, 10 uploads a minute, beside the SQLite file", () => {
    expect(attachmentsConfig({}, "sqlite:./data/baton.db")).toEqual({ maxBytes: 5_000_000, perConversationPerHour: 20, uploadsPerIpPerMinute: 10, s3: null, dir: "data/attachments" });
    expect(attachmentsConfig({}, "postgres://x/y").dir).toBe("data/attachments");
    expect(attachmentsConfig({ BATON_ATTACHMENTS_MAX_BYTES: "2000000", BATON_ATTACHMENTS_DIR: "/srv/files" }, "sqlite::memory:")).toMatchObject({ maxBytes: 2_000_000, dir: "/srv/files" });
  });

  it("fails fast on a bad value, naming it", () => {
    expect(() => attachmentsConfig({ BATON_ATTACHMENTS_MAX_BYTES: "lots" }, "sqlite::memory:")).toThrow(/BATON_ATTACHMENTS_MAX_BYTES/);
    expect(() => attachmentsConfig({ BATON_ATTACHMENTS_S3_URL: "https://s3.example/bucket" }, "sqlite::memory:")).toThrow(/ACCESS_KEY:SECRET/);
  });

  it("reads an S3 location from one URL", () => {
    expect(s3FromUrl("https://AKIA:s%2Fcret@s3.eu-west-3.amazonaws.com/acme-baton/chat/files?region=eu-west-3")).toEqual({
      endpoint: "https://s3.eu-west-3.amazonaws.com",
      bucket: "acme-baton",
      prefix: "chat/files/",
      region: "eu-west-3",
      accessKeyId: "AKIA",
      secretAccessKey: "s/cret",
    });
  });
});
