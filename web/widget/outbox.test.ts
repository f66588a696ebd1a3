import { describe, expect, it } from "vitest";
import { Outbox } from "./outbox.js";
import { memoryStorage } from "./storage.js";

const item = (id: string) => ({ clientMessageId: id, text: `text ${id}`, page: { url: "https://shop.example/", title: "Shop" }, at: 1 });

describe("Outbox", () => {
  it("keeps messages across page loads until they are removed", () => {
    const storage = memoryStorage();
    const a = new Outbox(storage);
    a.add(item("1"));
    a.add(item("2"));
    a.add(item("1")); // same id twice: kept once
    const b = new Outbox(storage);
    expect(b.items.map((i) => i.clientMessageId)).toEqual(["1", "2"]);
    b.remove("1");
    expect(new Outbox(storage).items.map((i) => i.clientMessageId)).toEqual(["2"]);
    expect(b.has("2") && !b.has("1")).toBe(true);
  });

  it("clears its key when empty and ignores unreadable stored data", () => {
    const storage = memoryStorage();
    const box = new Outbox(storage);
    box.add(item("1"));
    box.remove("1");
    expect(storage.getItem("outbox")).toBeNull();
    storage.setItem("outbox", "{not json");
    expect(new Outbox(storage).items).toEqual([]);
    storage.setItem("outbox", JSON.stringify([{ nope: 1 }, item("3")]));
    expect(new Outbox(storage).items.map((i) => i.clientMessageId)).toEqual(["3"]);
  });
});
