import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFileAtomically } from "./atomic-file.js";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "shopfloor-atomic-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("writeFileAtomically", () => {
  it("replaces the content, leaves no temporary file and keeps the file private", async () => {
    const file = join(folder, "index.json");
    await writeFileAtomically(file, "first");
    await writeFileAtomically(file, "second");
    expect(await readFile(file, "utf8")).toBe("second");
    expect(await readdir(folder)).toEqual(["index.json"]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("leaves no temporary file when the rename fails", async () => {
    const target = join(folder, "a-folder");
    await writeFileAtomically(join(folder, "placeholder"), "x");
    await expect(writeFileAtomically(join(target, "missing", "file"), "x")).rejects.toThrow();
    expect((await readdir(folder)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});
