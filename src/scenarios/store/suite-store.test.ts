import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Scenario, SuiteHeader } from "../../contracts/scenario.js";
import { loadSuite } from "../load-suite.js";
import { SuiteStore } from "./suite-store.js";

let home: string;
let clock: Date;
let store: SuiteStore;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "shopfloor-store-"));
  clock = new Date("2025-03-01T10:00:00.000Z");
  store = new SuiteStore({ home, now: () => clock });
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const header: SuiteHeader = {
  name: "todo",
  version: "draft",
  target: "http",
  defaults: { timeoutMs: 10_000, repeat: 1, headers: {} },
  generated: {
    spec: { name: "todo", hash: "5eedc0ffee00" },
    seed: 1,
    counts: { normal: 2, edge: 1, malicious: 1 },
    generators: ["offline"],
  },
};

function scenario(
  id: string,
  category: Scenario["category"] = "normal",
  path = "/todos",
): Scenario {
  return {
    id,
    category,
    title: `scenario ${id}`,
    tags: [],
    steps: [{ request: { method: "GET", path }, expect: [{ status: 200 }] }],
  };
}

const first = [scenario("a"), scenario("b"), scenario("c", "edge"), scenario("d", "malicious")];
const second = [...first.slice(0, 3), scenario("d", "malicious", "/other"), scenario("e", "edge")];

function later(seconds: number): void {
  clock = new Date(clock.getTime() + seconds * 1000);
}

describe("SuiteStore.save", () => {
  it("stores a version named by its content hash in a private folder", async () => {
    const stored = await store.save({ header, scenarios: first });
    expect(stored.version).toMatch(/^[0-9a-f]{12}$/);
    expect(stored).toMatchObject({
      name: "todo",
      created: true,
      current: true,
      frozen: false,
      createdAt: "2025-03-01T10:00:00.000Z",
      spec: { name: "todo", hash: "5eedc0ffee00" },
      counts: { normal: 2, edge: 1, malicious: 1 },
      scenarioCount: 4,
      file: join(home, "suites", "todo", stored.version, "suite.yaml"),
    });
    expect((await stat(join(home, "suites"))).mode & 0o777).toBe(0o700);
    expect((await stat(stored.file)).mode & 0o777).toBe(0o400);
    const loaded = await loadSuite(stored.file);
    expect(loaded.header).toEqual({ ...header, version: stored.version });
    expect(loaded.scenarios).toEqual(first);
    const index = JSON.parse(await readFile(join(home, "suites", "todo", "index.json"), "utf8"));
    expect(index).toMatchObject({ name: "todo", current: stored.version, frozen: false });
  });

  it("returns the existing version for the same content, whatever version it came with", async () => {
    const stored = await store.save({ header, scenarios: first });
    const before = await readFile(stored.file, "utf8");
    later(60);
    const again = await store.save({ header: { ...header, version: "other" }, scenarios: first });
    expect(again).toMatchObject({ version: stored.version, created: false });
    expect(again.createdAt).toBe(stored.createdAt);
    expect(await readFile(stored.file, "utf8")).toBe(before);
    expect(await store.list("todo")).toHaveLength(1);
  });

  it("makes a new version current and lists versions newest first", async () => {
    const one = await store.save({ header, scenarios: first });
    later(60);
    const two = await store.save({ header, scenarios: second }, { parent: one.version });
    expect(two.version).not.toBe(one.version);
    expect(two.parent).toBe(one.version);
    const listed = await store.list("todo");
    expect(listed.map((entry) => [entry.version, entry.current])).toEqual([
      [two.version, true],
      [one.version, false],
    ]);
    expect((await store.resolve("todo")).version).toBe(two.version);
    expect((await store.resolve(`todo@${one.version.slice(0, 4)}`)).version).toBe(one.version);
  });

  it("refuses a parent that is not a version of the suite", async () => {
    await expect(
      store.save({ header, scenarios: first }, { parent: "ffffffff" }),
    ).rejects.toMatchObject({ code: "not-found" });
  });

  it("refuses an invalid suite and a name that is not a folder name", async () => {
    const duplicate = [scenario("a"), scenario("a")];
    await expect(store.save({ header, scenarios: duplicate })).rejects.toMatchObject({
      code: "invalid-input",
      message: expect.stringContaining('duplicate scenario id "a"'),
    });
    await expect(
      store.save({ header: { ...header, name: "../escape" }, scenarios: first }),
    ).rejects.toMatchObject({ code: "invalid-argument" });
  });

  it("tightens a suites folder that others could read", async () => {
    await mkdir(join(home, "suites"), { mode: 0o755 });
    await chmod(join(home, "suites"), 0o755);
    await store.save({ header, scenarios: first });
    expect((await stat(join(home, "suites"))).mode & 0o777).toBe(0o700);
  });

  it("keeps an own __proto__ key of a body", async () => {
    const body = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    const hostile: Scenario = {
      ...scenario("proto", "malicious"),
      steps: [{ request: { method: "POST", path: "/todos", json: body }, expect: [] }],
    };
    const stored = await store.save({ header, scenarios: [hostile] });
    const step = (await store.load(`todo@${stored.version}`)).scenarios[0]?.steps[0];
    const json = step && "request" in step ? step.request.json : undefined;
    expect(JSON.stringify(json)).toBe('{"__proto__":{"polluted":true}}');
    expect("polluted" in {}).toBe(false);
  });

  it("loses nothing when many saves of one suite run at once", async () => {
    const stores = [store, new SuiteStore({ home, now: () => clock })];
    const saves = Array.from({ length: 24 }, (_, index) =>
      stores[index % 2]?.save({ header, scenarios: [scenario(`only-${index}`)] }),
    );
    const versions = (await Promise.all(saves)).map((saved) => saved?.version);
    const listed = await store.list("todo");
    expect(new Set(listed.map((entry) => entry.version))).toEqual(new Set(versions));
    expect(listed).toHaveLength(24);
  });

  it("breaks a lock left by a crashed process after 30 seconds", async () => {
    await store.save({ header, scenarios: first });
    const lock = join(home, "suites", "todo", ".lock");
    await writeFile(lock, JSON.stringify({ pid: 1, createdAt: "2025-03-01T09:59:00.000Z" }));
    const saved = await store.save({ header, scenarios: second });
    expect(saved.created).toBe(true);
    await expect(stat(lock)).rejects.toThrow();
  });
});

describe("SuiteStore.resolve and list", () => {
  it("names what exists when a suite or version is unknown", async () => {
    await expect(store.resolve("todo")).rejects.toMatchObject({
      code: "not-found",
      message: expect.stringContaining("there are none yet"),
    });
    const stored = await store.save({ header, scenarios: first });
    await expect(store.resolve("notes")).rejects.toMatchObject({
      code: "not-found",
      message: expect.stringContaining("the suites are: todo"),
    });
    const unknown = stored.version.startsWith("0000") ? "1111" : "0000";
    await expect(store.resolve(`todo@${unknown}`)).rejects.toMatchObject({
      code: "not-found",
      message: expect.stringContaining(`${stored.version} (current)`),
    });
  });

  it("lists every suite by name when no name is given, and nothing in an empty home", async () => {
    expect(await store.list()).toEqual([]);
    await store.save({ header: { ...header, name: "zeta" }, scenarios: first });
    await store.save({ header, scenarios: first });
    expect((await store.list()).map((entry) => entry.name)).toEqual(["todo", "zeta"]);
  });
});

describe("SuiteStore.freeze", () => {
  it("freezes a version as current and refuses other saves until unfrozen", async () => {
    const one = await store.save({ header, scenarios: first });
    await store.save({ header, scenarios: second });
    const frozen = await store.freeze(`todo@${one.version}`);
    expect(frozen).toMatchObject({ version: one.version, current: true, frozen: true });
    expect((await store.resolve("todo")).version).toBe(one.version);
    await expect(store.save({ header, scenarios: second })).rejects.toMatchObject({
      code: "invalid-input",
      message: `suite todo is frozen at ${one.version}; use \`shopfloor scenarios unfreeze todo\` first`,
    });
    expect((await store.save({ header, scenarios: first })).created).toBe(false);
    const unfrozen = await store.unfreeze("todo");
    expect(unfrozen).toMatchObject({ version: one.version, current: true, frozen: false });
    expect((await store.save({ header, scenarios: second })).current).toBe(true);
    await expect(store.unfreeze("notes")).rejects.toMatchObject({
      code: "not-found",
      message: expect.stringContaining("the suites are: todo"),
    });
  });
});

describe("SuiteStore.diff", () => {
  it("compares two versions by scenario id", async () => {
    const one = await store.save({ header, scenarios: first });
    const two = await store.save({ header, scenarios: second });
    expect(await store.diff(`todo@${one.version}`, "todo")).toEqual({
      from: `todo@${one.version}`,
      to: `todo@${two.version}`,
      added: ["e"],
      removed: [],
      changed: ["d"],
      unchanged: 3,
    });
  });
});
