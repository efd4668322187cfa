import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSuiteIndex, type SuiteIndex, writeSuiteIndex } from "./suite-index.js";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "shopfloor-index-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const index: SuiteIndex = {
  name: "todo",
  current: "3f2a9c1b07de",
  frozen: false,
  versions: [
    {
      version: "3f2a9c1b07de",
      createdAt: "2025-03-01T10:00:00.000Z",
      counts: { normal: 1, edge: 0, malicious: 0 },
      scenarioCount: 1,
    },
  ],
};

describe("suite index", () => {
  it("reads back what it wrote", async () => {
    const file = join(folder, "index.json");
    await writeSuiteIndex(file, index);
    expect(await readSuiteIndex(file)).toEqual(index);
  });

  it("is undefined when there is no index yet", async () => {
    expect(await readSuiteIndex(join(folder, "missing.json"))).toBeUndefined();
  });

  it("refuses a broken index with its path", async () => {
    const file = join(folder, "broken.json");
    await writeFile(file, '{"name": "todo"}');
    await expect(readSuiteIndex(file)).rejects.toMatchObject({ code: "invalid-input", path: file });
    await writeFile(file, "{");
    await expect(readSuiteIndex(file)).rejects.toMatchObject({ code: "invalid-input" });
  });
});
