import { describe, expect, it } from "vitest";
import { cityOfTimeZone, friendlyName, visitorLabel } from "./visitor-label.js";

describe("visitor naming", () => {
  it("gives each visitor id one stable friendly label, and different ids mostly different ones", () => {
    expect(friendlyName("0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b")).toBe(friendlyName("0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b"));
    expect(friendlyName("v1")).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    const labels = new Set(Array.from({ length: 200 }, (_, i) => friendlyName(`visitor-${i}`)));
    expect(labels.size).toBeGreaterThan(150);
  });

  it("prefers the verified customer, then a given name, then an e-mail, then the friendly label", () => {
    const fields = [
      { name: "email", value: "sam@example.com" },
      { name: "name", value: "Sam" },
    ];
    expect(visitorLabel({ visitorId: "v1", customer: { name: "Carlos Pérez" }, fields })).toEqual({ name: "Carlos Pérez", source: "customer" });
    expect(visitorLabel({ visitorId: "v1", customer: null, fields })).toEqual({ name: "Sam", source: "name" });
    expect(visitorLabel({ visitorId: "v1", customer: null, fields: fields.slice(0, 1) })).toEqual({ name: "sam@example.com", source: "email" });
    expect(visitorLabel({ visitorId: "v1", customer: null, fields: [] })).toEqual({ name: friendlyName("v1"), source: "friendly" });
  });

  it("names a time zone's city", () => {
    expect(cityOfTimeZone("America/New_York")).toBe("New York");
    expect(cityOfTimeZone("America/Argentina/Buenos_Aires")).toBe("Buenos Aires");
    expect(cityOfTimeZone("UTC")).toBeNull();
    expect(cityOfTimeZone("Etc/GMT+2")).toBeNull();
    expect(cityOfTimeZone(null)).toBeNull();
  });
});
