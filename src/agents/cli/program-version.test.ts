import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakePath, type FakePath } from "../../../test/fixtures/agents/fake-path.js";
import { programVersion } from "./program-version.js";

let fakePath: FakePath;
beforeAll(() => {
  fakePath = createFakePath({ codex: "fake-codex.mjs" });
});
afterAll(() => fakePath.remove());

describe("programVersion", () => {
  it("reads the first line of --version", async () => {
    expect(await programVersion(join(fakePath.folder, "codex"), { PATH: fakePath.path })).toBe(
      "codex 1.0.0 (fake)",
    );
  });

  it("has none for a program that fails", async () => {
    expect(await programVersion("/bin/false", {})).toBeUndefined();
  });
});
