import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { editWorkspaceFile, readWorkspaceFile, writeWorkspaceFile } from "./file-tools.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "shopfloor-llm-files-"));
  writeFileSync(join(root, "notes.txt"), "one\ntwo\nthree\nfour\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("readWorkspaceFile", () => {
  it("reads a whole file as it is", async () => {
    expect(await readWorkspaceFile(root, { path: "notes.txt" })).toBe("one\ntwo\nthree\nfour");
  });

  it("reads a window of lines and says where to read on", async () => {
    expect(await readWorkspaceFile(root, { path: "notes.txt", offset: 2, limit: 2 })).toBe(
      "two\nthree\n[lines 2-3 of 4; read on with offset 4]",
    );
    expect(await readWorkspaceFile(root, { path: "notes.txt", offset: 4 })).toBe(
      "four\n[lines 4-4 of 4]",
    );
  });

  it("says plainly what is wrong with a path", async () => {
    await expect(readWorkspaceFile(root, { path: "missing.txt" })).rejects.toThrow(
      "missing.txt does not exist",
    );
    mkdirSync(join(root, "src"));
    await expect(readWorkspaceFile(root, { path: "src" })).rejects.toThrow(/is a folder/);
    await expect(readWorkspaceFile(root, { path: "notes.txt", offset: 9 })).rejects.toThrow(
      "notes.txt has 4 lines; offset 9 is past its end",
    );
    await expect(readWorkspaceFile(root, { path: "../notes.txt" })).rejects.toThrow(
      /outside the workspace/,
    );
  });

  it("says when a file is empty", async () => {
    writeFileSync(join(root, "empty.txt"), "");
    expect(await readWorkspaceFile(root, { path: "empty.txt" })).toBe("(empty.txt is empty)");
  });
});

describe("writeWorkspaceFile", () => {
  it("creates missing folders and writes the content exactly", async () => {
    const answer = await writeWorkspaceFile(root, {
      path: "src/app/é.ts",
      content: "const é = 1;\n",
    });
    expect(answer).toBe("wrote 14 bytes to src/app/é.ts");
    expect(readFileSync(join(root, "src", "app", "é.ts"), "utf8")).toBe("const é = 1;\n");
  });

  it("refuses to write over a folder or outside the workspace", async () => {
    mkdirSync(join(root, "src"));
    await expect(writeWorkspaceFile(root, { path: "src", content: "x" })).rejects.toThrow(
      /is a folder/,
    );
    await expect(writeWorkspaceFile(root, { path: "/tmp/x.txt", content: "x" })).rejects.toThrow(
      /absolute path/,
    );
  });
});

describe("editWorkspaceFile", () => {
  it("replaces the one occurrence of the passage", async () => {
    const answer = await editWorkspaceFile(root, {
      path: "notes.txt",
      search: "two\nthree",
      replace: "2\n$&3",
    });
    expect(answer).toBe("replaced 1 occurrence in notes.txt");
    expect(readFileSync(join(root, "notes.txt"), "utf8")).toBe("one\n2\n$&3\nfour\n");
  });

  it("refuses a passage found no times or several times, saying how many", async () => {
    writeFileSync(join(root, "twice.txt"), "a = 1\na = 1\n");
    await expect(
      editWorkspaceFile(root, { path: "twice.txt", search: "a = 1", replace: "a = 2" }),
    ).rejects.toThrow("the search text was found 2 times in twice.txt");
    await expect(
      editWorkspaceFile(root, { path: "notes.txt", search: "five", replace: "5" }),
    ).rejects.toThrow("the search text was not found in notes.txt");
    await expect(
      editWorkspaceFile(root, { path: "notes.txt", search: "", replace: "5" }),
    ).rejects.toThrow(/search is empty/);
    expect(readFileSync(join(root, "twice.txt"), "utf8")).toBe("a = 1\na = 1\n");
  });
});
