import { describe, expect, it } from "vitest";
import { deriveSeed } from "./derive-seed.js";

describe("deriveSeed", () => {
  it("is stable, 32-bit, and differs by key and by seed", () => {
    expect(deriveSeed(1, "todo.title")).toBe(deriveSeed(1, "todo.title"));
    expect(deriveSeed(1, "todo.title")).not.toBe(deriveSeed(1, "todo.done"));
    expect(deriveSeed(1, "todo.title")).not.toBe(deriveSeed(2, "todo.title"));
    const seed = deriveSeed(-5, "a long key with ünïcode");
    expect(Number.isInteger(seed) && seed >= -(2 ** 31) && seed < 2 ** 31).toBe(true);
  });
});
