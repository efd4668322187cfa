import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findSuiteFiles } from "./suite-files.js";

describe("findSuiteFiles", () => {
  let folder = "";
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "shopfloor-files-"));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true });
  });

  async function touch(...paths: string[]): Promise<void> {
    for (const path of paths) {
      await mkdir(join(folder, path, ".."), { recursive: true });
      await writeFile(join(folder, path), "");
    }
  }

  it("finds the suite file and the scenario files below it, sorted, recursively", async () => {
    await touch(
      "suite.yaml",
      "b.yaml",
      "a/z.yml",
      "a/b/c.json",
      "B.yaml",
      "notes.md",
      "checks/x.mjs",
    );
    const files = await findSuiteFiles(folder);
    expect(files.form).toBe("folder");
    expect(files.folder).toBe(folder);
    expect(relative(folder, files.suiteFile)).toBe("suite.yaml");
    expect(files.scenarioFiles.map((file) => relative(folder, file))).toEqual([
      "B.yaml",
      "a/b/c.json",
      "a/z.yml",
      "b.yaml",
    ]);
  });

  it("skips hidden entries, node_modules and package files", async () => {
    await touch(
      "suite.json",
      ".hidden.yaml",
      ".git/x.yaml",
      "node_modules/p/x.json",
      "package.json",
      "s.yaml",
    );
    const files = await findSuiteFiles(folder);
    expect(files.scenarioFiles.map((file) => relative(folder, file))).toEqual(["s.yaml"]);
  });

  it("treats a file as a whole suite in its folder", async () => {
    await touch("todo.yml");
    expect(await findSuiteFiles(join(folder, "todo.yml"))).toEqual({
      form: "file",
      folder,
      suiteFile: join(folder, "todo.yml"),
      scenarioFiles: [],
    });
  });

  it("needs exactly one suite file in a folder", async () => {
    await touch("a.yaml");
    await expect(findSuiteFiles(folder)).rejects.toThrow(/has a suite\.yaml/);
    await touch("suite.yaml", "suite.json");
    await expect(findSuiteFiles(folder)).rejects.toThrow(
      /one suite file, not suite\.json and suite\.yaml/,
    );
  });
});
