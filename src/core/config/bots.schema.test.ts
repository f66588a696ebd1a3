import { describe, expect, it } from "vitest";
import { botForSite, botsSchema } from "./bots.schema.js";

const hook = { id: "hook", kind: "webhook", url: "https://bots.example/baton", secret: "0123456789abcdef" };

describe("bots config", () => {
  it("defaults to the built-in bot everywhere, every trigger on", () => {
    const bots = botsSchema.parse(undefined);
    expect(bots).toEqual({ default: "builtin", sites: {}, external: [] });
    const [parsed] = botsSchema.parse({ external: [hook] }).external;
    expect(parsed).toMatchObject({ timeoutMs: 3000, retries: 2, backoffMs: 250, unavailableAfter: 3, parseIntent: false });
    expect(Object.values(parsed?.triggers ?? {}).every((on) => on)).toBe(true);
  });

  it("picks the bot of a widget key, else the default", () => {
    const bots = botsSchema.parse({ default: "none", sites: { shop: "hook", docs: "builtin" }, external: [hook] });
    expect(botForSite(bots, "shop")).toBe("hook");
    expect(botForSite(bots, "docs")).toBe("builtin");
    expect(botForSite(bots, "elsewhere")).toBe("none");
    expect(botForSite(bots, undefined)).toBe("none");
    expect(botForSite(bots, "constructor")).toBe("none");
  });

  const problems = (input: unknown) => {
    const r = botsSchema.safeParse(input);
    expect(r.success).toBe(false);
    return r.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n") ?? "";
  };

  it("names each malformed entry: reserved ids, short secrets, bad widget keys, unknown trigger switches", () => {
    const messages = problems({
      sites: { "bad key!": "builtin" },
      external: [{ ...hook, id: "none" }, { ...hook, id: "short", secret: "x" }, { ...hook, id: "t", triggers: { vip: false } }],
    });
    expect(messages).toContain('external.0.id: "builtin" and "none" are not external bot ids');
    expect(messages).toContain("external.1.secret: a bot secret needs at least 16 characters");
    expect(messages).toContain("sites.bad key!");
    expect(messages).toContain('external.2.triggers: Unrecognized key: "vip"');
  });

  it("names bots that do not exist and duplicate ids", () => {
    const messages = problems({ default: "ghost", sites: { shop: "nobody" }, external: [hook, { ...hook }] });
    expect(messages).toContain('external.1.id: duplicate bot id "hook"');
    expect(messages).toContain('default: unknown bot "ghost" (bots: builtin, none, hook)');
    expect(messages).toContain('sites.shop: unknown bot "nobody"');
  });
});
