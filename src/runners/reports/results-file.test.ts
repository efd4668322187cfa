import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ResultsFile } from "./results-file.js";

let folder: string | undefined;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("ResultsFile", () => {
  it("has every result on disk as soon as it is written, one JSON object per line", () => {
    folder = mkdtempSync(join(tmpdir(), "shopfloor-results-"));
    const path = join(folder, "nested", "results.jsonl");
    const file = new ResultsFile(path);
    file.write({ scenario: "a", category: "normal", pass: true, durationMs: 3 });
    // Read before close: a run killed now must have kept this line.
    expect(readFileSync(path, "utf8")).toBe(
      '{"scenario":"a","category":"normal","pass":true,"durationMs":3}\n',
    );
    file.write({
      scenario: "b",
      category: "edge",
      pass: false,
      durationMs: 4,
      error: "boom",
      attempt: 2,
    });
    file.close();
    file.close();
    expect(readFileSync(path, "utf8").trim().split("\n")).toHaveLength(2);
    expect(() =>
      file.write({ scenario: "c", category: "edge", pass: true, durationMs: 1 }),
    ).toThrow("already closed");
  });
});
