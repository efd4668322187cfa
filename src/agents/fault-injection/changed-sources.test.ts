import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readChangedSources } from "./changed-sources.js";

let worktree: string;
beforeEach(() => {
  worktree = mkdtempSync(join(tmpdir(), "shopfloor-faults-"));
});
afterEach(() => rmSync(worktree, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(dirname(join(worktree, file)), { recursive: true });
  writeFileSync(join(worktree, file), text);
}

describe("readChangedSources", () => {
  it("reads the build's scripts, with the compiled file of each TypeScript source", async () => {
    write("src/server.ts", "export const a = 1;\n");
    write("dist/server.js", "export const a = 1;\n");
    write("lib/plain.mjs", "export const b = 2;\n");
    expect(
      await readChangedSources(worktree, ["src/server.ts", "dist/server.js", "lib/plain.mjs"]),
    ).toEqual([
      { file: "lib/plain.mjs", text: "export const b = 2;\n" },
      { file: "src/server.ts", text: "export const a = 1;\n", compiledOutput: "dist/server.js" },
    ]);
  });

  it("leaves out tests, dependencies, declarations, other files, deleted ones and paths outside", async () => {
    for (const file of [
      "src/server.test.ts",
      "test/helper.js",
      "node_modules/x/index.js",
      "src/types.d.ts",
      "README.md",
    ]) {
      write(file, "export {};\n");
    }
    const changed = [
      "src/server.test.ts",
      "test/helper.js",
      "node_modules/x/index.js",
      "src/types.d.ts",
      "README.md",
      "src/deleted.ts",
      "../outside.js",
    ];
    expect(await readChangedSources(worktree, changed)).toEqual([]);
  });
});
