import { describe, expect, it } from "vitest";
import { MemoCache } from "./memo-cache.js";

/** A maker that counts its calls and gives `value:<key>:<call>`. */
function counting() {
  const made: string[] = [];
  const make = (key: string) => async () => {
    made.push(key);
    return `value:${key}:${made.length}`;
  };
  return { made, make };
}

describe("a memo cache", () => {
  it("makes a key's value once, and shares it with callers that asked while it was being made", async () => {
    const cache = new MemoCache<string>(4);
    const { made, make } = counting();
    const [first, second] = await Promise.all([
      cache.get("a", make("a")),
      cache.get("a", make("a")),
    ]);
    expect(first).toBe("value:a:1");
    expect(second).toBe("value:a:1");
    expect(await cache.get("a", make("a"))).toBe("value:a:1");
    expect(made).toEqual(["a"]);
  });

  it("keeps at most its capacity, dropping the key used least recently", async () => {
    const cache = new MemoCache<string>(2);
    const { made, make } = counting();
    await cache.get("a", make("a"));
    await cache.get("b", make("b"));
    await cache.get("a", make("a"));
    await cache.get("c", make("c"));
    expect(cache.size).toBe(2);
    await cache.get("a", make("a"));
    await cache.get("b", make("b"));
    expect(made).toEqual(["a", "b", "c", "b"]);
  });

  it("forgets a value whose making failed, so the next caller tries again", async () => {
    const cache = new MemoCache<string>(2);
    await expect(cache.get("a", async () => Promise.reject(new Error("disk")))).rejects.toThrow(
      "disk",
    );
    expect(cache.size).toBe(0);
    expect(await cache.get("a", async () => "made")).toBe("made");
  });

  it("takes a value made elsewhere", async () => {
    const cache = new MemoCache<string>(1);
    cache.set("a", "given");
    expect(await cache.get("a", async () => "made")).toBe("given");
    cache.set("b", "other");
    expect(await cache.get("a", async () => "made again")).toBe("made again");
  });

  it("refuses a capacity that is not a positive integer", () => {
    expect(() => new MemoCache(0)).toThrow(/positive integer/);
    expect(() => new MemoCache(1.5)).toThrow(/positive integer/);
  });
});
