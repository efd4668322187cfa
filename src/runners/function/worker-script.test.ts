import { describe, expect, it } from "vitest";
import { ShopfloorError } from "../../contracts/errors.js";
import { findWorkerScript } from "./worker-script.js";

describe("findWorkerScript", () => {
  it("finds the worker of this checkout", () => {
    expect(findWorkerScript()).toMatch(/\/runtime\/function-worker\.mjs$/);
  });

  it("finds the runtime folder from the built dist/ tree too", () => {
    const found = findWorkerScript(
      "file:///repo/dist/src/runners/function/worker-script.js",
      (path) => path === "/repo/runtime/function-worker.mjs",
    );
    expect(found).toBe("/repo/runtime/function-worker.mjs");
  });

  it("says where it looked when the script is missing", () => {
    expect(() =>
      findWorkerScript("file:///nowhere/src/runners/function/x.js", () => false),
    ).toThrow(ShopfloorError);
  });
});
