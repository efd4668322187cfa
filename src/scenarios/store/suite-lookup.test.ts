import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { thrown } from "../../../test/support/thrown.js";
import { ShopfloorError } from "../../contracts/errors.js";
import type { SuiteIndex } from "./suite-index.js";
import { listSuiteNames, pickVersion } from "./suite-lookup.js";

const counts = { normal: 1, edge: 0, malicious: 0 };
const index: SuiteIndex = {
  name: "todo",
  current: "abcd22222222",
  frozen: false,
  versions: ["abcd11111111", "abcd22222222", "ef0133333333"].map((version) => ({
    version,
    createdAt: "2025-03-01T10:00:00.000Z",
    counts,
    scenarioCount: 1,
  })),
};

describe("pickVersion", () => {
  it("finds a version by a unique prefix", () => {
    expect(pickVersion(index, "todo", "ef01").version).toBe("ef0133333333");
    expect(pickVersion(index, "todo", "abcd1").version).toBe("abcd11111111");
  });

  it("says which versions an ambiguous prefix matches", () => {
    const error = thrown(() => pickVersion(index, "todo", "abcd"), ShopfloorError);
    expect(error.code).toBe("not-found");
    expect(error.message).toBe(
      '"todo@abcd" is ambiguous: it matches abcd22222222 (current), abcd11111111; give more characters',
    );
  });

  it("lists the versions when none matches", () => {
    const error = thrown(() => pickVersion(index, "todo", "9999"), ShopfloorError);
    expect(error.message).toContain("its versions are: ef0133333333, abcd22222222 (current)");
  });
});

describe("listSuiteNames", () => {
  it("lists suite folders by name and skips anything else", async () => {
    const folder = await mkdtemp(join(tmpdir(), "shopfloor-lookup-"));
    try {
      await mkdir(join(folder, "zeta"));
      await mkdir(join(folder, "alpha"));
      await mkdir(join(folder, ".hidden"));
      await writeFile(join(folder, "notes.txt"), "");
      expect(await listSuiteNames(folder)).toEqual(["alpha", "zeta"]);
      expect(await listSuiteNames(join(folder, "missing"))).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
