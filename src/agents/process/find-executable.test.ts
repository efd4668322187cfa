import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findExecutable } from "./find-executable.js";

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-find-"));
  writeFileSync(join(folder, "tool"), "#!/bin/sh\n");
  chmodSync(join(folder, "tool"), 0o755);
  writeFileSync(join(folder, "plain"), "not executable\n");
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe("findExecutable", () => {
  it("looks a name up on the given PATH, skipping files that are not executable", () => {
    expect(findExecutable("tool", { PATH: `/nowhere:${folder}` })).toBe(join(folder, "tool"));
    expect(findExecutable("plain", { PATH: folder })).toBeUndefined();
    expect(findExecutable("tool", {})).toBeUndefined();
  });

  it("takes a path as it is, relative to the working directory", () => {
    expect(findExecutable("./tool", {}, folder)).toBe(join(folder, "tool"));
    expect(findExecutable(join(folder, "missing"), { PATH: folder })).toBeUndefined();
  });
});
