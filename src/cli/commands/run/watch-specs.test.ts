import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SpecVersions, watchFiles } from "./watch-specs.js";

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-watch-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("watchFiles", () => {
  it("reports a change to a watched file, and not to its neighbours", async () => {
    const spec = join(folder, "spec.md");
    writeFileSync(spec, "one");
    const changed: string[] = [];
    const firstChange = new Promise<void>((resolve) => {
      const watcher = watchFiles([spec], (path) => {
        changed.push(path);
        watcher.close();
        resolve();
      });
      writeFileSync(join(folder, "other.md"), "not watched");
      writeFileSync(spec, "two");
    });
    await firstChange;
    expect(changed).toEqual([spec]);
  });
});

describe("SpecVersions", () => {
  it("tells a changed text from a save of the same text", async () => {
    const spec = join(folder, "spec.md");
    const versions = new SpecVersions((path) => readFile(path, "utf8"));
    writeFileSync(spec, "one");
    expect(await versions.changed(spec)).toBe(true);
    writeFileSync(spec, "one");
    expect(await versions.changed(spec)).toBe(false);
    writeFileSync(spec, "two");
    expect(await versions.changed(spec)).toBe(true);
  });
});
