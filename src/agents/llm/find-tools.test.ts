import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  listWorkspaceFiles,
  maximumListedFiles,
  maximumSearchMatches,
  searchWorkspace,
} from "./find-tools.js";

let folder: string;
let root: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-llm-find-"));
  root = join(folder, "workspace");
  for (const path of ["src/lib", ".git", "node_modules/left-pad"]) {
    mkdirSync(join(root, path), { recursive: true });
  }
  writeFileSync(join(root, "README.md"), "# todo\nA todo service.\n");
  writeFileSync(join(root, "src", "server.ts"), "const port = 3000;\nlisten(port);\n");
  writeFileSync(join(root, "src", "lib", "store.ts"), "export const todos = [];\n");
  writeFileSync(join(root, ".git", "HEAD"), "ref: refs/heads/main\n");
  writeFileSync(join(root, "node_modules", "left-pad", "index.js"), "const port = 1;\n");
  writeFileSync(join(root, "logo.png"), Buffer.from([0x89, 0x50, 0x00, 0x6f, 0x72, 0x74]));
  mkdirSync(join(folder, "outside"));
  writeFileSync(join(folder, "outside", "secret.ts"), "const port = 22;\n");
  symlinkSync(join(folder, "outside"), join(root, "linked"));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe("listWorkspaceFiles", () => {
  it("lists files recursively, skipping .git, node_modules and links", async () => {
    expect(await listWorkspaceFiles(root, {})).toBe(
      ["README.md", "logo.png", "src/lib/store.ts", "src/server.ts"].join("\n"),
    );
    expect(await listWorkspaceFiles(root, { path: "src/lib" })).toBe("src/lib/store.ts");
  });

  it("caps a long list and says how many were left out", async () => {
    mkdirSync(join(root, "many"));
    for (let index = 0; index < maximumListedFiles + 7; index += 1) {
      writeFileSync(join(root, "many", `file-${index}.txt`), "");
    }
    const answer = await listWorkspaceFiles(root, { path: "many" });
    expect(answer.split("\n")).toHaveLength(maximumListedFiles + 1);
    expect(answer).toMatch(/\[7 more files not listed\]$/);
  });

  it("refuses a path outside or a file", async () => {
    await expect(listWorkspaceFiles(root, { path: "linked" })).rejects.toThrow(/symbolic link/);
    await expect(listWorkspaceFiles(root, { path: "README.md" })).rejects.toThrow(/is a file/);
  });
});

describe("searchWorkspace", () => {
  it("answers file:line: text for each matching line of the text files", async () => {
    expect(await searchWorkspace(root, { pattern: "\\bport\\b" })).toBe(
      ["src/server.ts:1: const port = 3000;", "src/server.ts:2: listen(port);"].join("\n"),
    );
    expect(await searchWorkspace(root, { pattern: "todo", path: "README.md" })).toBe(
      "README.md:1: # todo\nREADME.md:2: A todo service.",
    );
  });

  it("says so when nothing matches, and refuses a broken pattern", async () => {
    expect(await searchWorkspace(root, { pattern: "nothing here" })).toBe(
      "no match for /nothing here/",
    );
    await expect(searchWorkspace(root, { pattern: "(unclosed" })).rejects.toThrow(
      /not a valid regular expression/,
    );
  });

  it("stops at the cap of matches", async () => {
    writeFileSync(join(root, "big.txt"), "match\n".repeat(maximumSearchMatches + 5));
    const answer = await searchWorkspace(root, { pattern: "match", path: "big.txt" });
    expect(answer.split("\n")).toHaveLength(maximumSearchMatches + 1);
    expect(answer).toMatch(/stopped at 100 matches/);
  });
});
