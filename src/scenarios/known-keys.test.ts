import { describe, expect, it } from "vitest";
import { knownKeysIn } from "./known-keys.js";

describe("knownKeysIn", () => {
  const keysAt = knownKeysIn(["suite", "scenarios"], "http");

  it("finds the keys of each level of a suite file", () => {
    expect(keysAt([])).toEqual(["suite", "scenarios"]);
    expect(keysAt(["suite"])).toContain("target");
    expect(keysAt(["suite", "defaults"])).toContain("timeoutMs");
    expect(keysAt(["scenarios", 3])).toContain("category");
    expect(keysAt(["scenarios", 3, "steps", 0])).toEqual(["request", "expect", "capture"]);
    expect(keysAt(["scenarios", 3, "steps", 0, "request"])).toContain("method");
    expect(keysAt(["scenarios", 0, "steps", 1, "expect", 2, "header"])).toContain("present");
  });

  it("knows nothing of free-form maps", () => {
    expect(keysAt(["scenarios", 0, "steps", 1, "request", "headers"])).toBeUndefined();
  });
});
