import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Scenario, SuiteHeader } from "../../contracts/scenario.js";
import { SuiteStore } from "../../scenarios/store/suite-store.js";
import { loadCachedSuite, openLineCaches, specCacheKey } from "./line-caches.js";

let home: string;
let store: SuiteStore;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "shopfloor-line-caches-"));
  store = new SuiteStore({ home, now: () => new Date("2026-11-24T09:00:00.000Z") });
});
afterEach(() => rm(home, { recursive: true, force: true }));

const header: SuiteHeader = {
  name: "todo",
  version: "draft",
  target: "http",
  defaults: { timeoutMs: 10_000, repeat: 1, headers: {} },
};

function scenario(id: string): Scenario {
  return {
    id,
    category: "normal",
    title: `scenario ${id}`,
    tags: [],
    steps: [{ request: { method: "GET", path: "/todos" }, expect: [{ status: 200 }] }],
  };
}

/** The store, with a count of the suite files it read. */
function countingStore() {
  const reads: string[] = [];
  const suites = {
    resolve: (reference: string) => store.resolve(reference),
    load: (reference: string) => {
      reads.push(reference);
      return store.load(reference);
    },
  };
  return { reads, services: { suites, caches: openLineCaches() } };
}

describe("the line's suite cache", () => {
  it("reads each stored version once, however it is named", async () => {
    const saved = await store.save({ header, scenarios: [scenario("a"), scenario("b")] });
    const version = `todo@${saved.version}`;
    const { reads, services } = countingStore();
    const first = await loadCachedSuite(services, version);
    expect(first.scenarios.map((each) => each.id)).toEqual(["a", "b"]);
    expect(await loadCachedSuite(services, "todo")).toBe(first);
    expect(await loadCachedSuite(services, `todo@${saved.version.slice(0, 6)}`)).toBe(first);
    expect(reads).toEqual([version]);
  });

  it("follows a name to its current version, and says so when a version is missing", async () => {
    const { reads, services } = countingStore();
    await store.save({ header, scenarios: [scenario("a")] });
    expect((await loadCachedSuite(services, "todo")).scenarios).toHaveLength(1);
    const extended = await store.save({ header, scenarios: [scenario("a"), scenario("b")] });
    expect((await loadCachedSuite(services, "todo")).scenarios).toHaveLength(2);
    expect(reads).toHaveLength(2);
    expect(reads[1]).toBe(`todo@${extended.version}`);
    await expect(loadCachedSuite(services, "todo@ffffffffffff")).rejects.toMatchObject({
      code: "not-found",
    });
  });
});

describe("the line's spec cache key", () => {
  it("tells the same text at two paths apart: their relative files may differ", () => {
    const hash = "a".repeat(64);
    expect(specCacheKey({ specHash: hash, specPath: "/specs/a/spec.md" })).not.toBe(
      specCacheKey({ specHash: hash, specPath: "/specs/b/spec.md" }),
    );
    expect(specCacheKey({ specHash: hash, specPath: "/specs/a/spec.md" })).toBe(
      specCacheKey({ specHash: hash, specPath: "/specs/a/spec.md" }),
    );
  });
});
