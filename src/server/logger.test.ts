import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logFormat } from "./logger.js";

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

describe("logs (issue 17: raw JSON in a terminal)", () => {
  it("are pretty on a TTY and JSON otherwise, unless BATON_LOG_FORMAT says", () => {
    expect(logFormat(true, {})).toBe("pretty");
    expect(logFormat(false, {})).toBe("json");
    expect(logFormat(true, { BATON_LOG_FORMAT: "json" })).toBe("json");
    expect(logFormat(false, { BATON_LOG_FORMAT: "pretty" })).toBe("pretty");
  });

  it("writes one readable line per entry when pretty, JSON lines otherwise, redacted either way", () => {
    const p = sink();
    createLogger({ destination: p.stream, format: "pretty", level: "info" }).info({ token: "secret-token" }, "agent maria@demo.baton signed in");
    expect(p.text()).toMatch(/INFO.*agent \[email\] signed in/);
    expect(p.text()).not.toContain("secret-token");
    expect(p.text().trim().startsWith("{")).toBe(false);

    const j = sink();
    createLogger({ destination: j.stream, format: "json", level: "info" }).info({ token: "secret-token" }, "started");
    const line = JSON.parse(j.text().trim()) as { msg: string; token: string };
    expect(line).toMatchObject({ msg: "started", token: "[redacted]" });
  });
});
