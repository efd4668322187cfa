import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findPortBridgeScript, readPortBridgeScript } from "./port-bridge-script.js";

describe("findPortBridgeScript", () => {
  it("finds runtime/port-bridge.mjs above the sandbox module", async () => {
    const path = findPortBridgeScript();
    expect(path).toMatch(/runtime\/port-bridge\.mjs$/);
    expect(existsSync(path)).toBe(true);
    expect(await readPortBridgeScript(path)).toContain("createServer");
  });

  it("says where it looked when the script is missing", () => {
    expect(() => findPortBridgeScript("file:///nowhere/at/all.js")).toThrow(
      /cannot find runtime\/port-bridge\.mjs in any folder above \/nowhere\/at\/all\.js/,
    );
  });
});
