/**
 * Freezing, unfreezing and comparing the versions of a holdout suite through the API, on a real line
 * whose scenarios station stored the small todo spec's suite and then extended it (two versions): a
 * diff as `scenarios diff` gives it, a version frozen as `scenarios freeze` freezes it (the next work
 * item of the spec is judged by it, and no new version is stored), unfrozen again; and the refusals,
 * each naming the request's field.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { historyOf, submitSmallSpec } from "../../../../test/support/console/console-calls.js";
import {
  type ConsoleHarness,
  consoleHarness,
} from "../../../../test/support/console/console-harness.js";
import {
  answerSchema,
  expectError,
  parsedAnswer,
} from "../../../../test/support/console/line-answers.js";
import { type StoredVersion, SuiteStore } from "../../../scenarios/store/suite-store.js";
import {
  freezeSuiteRoute,
  suiteDiffRoute,
  suitesRoute,
  unfreezeSuiteRoute,
} from "./factory-routes.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const diffSchema = answerSchema(suiteDiffRoute, 200);
const frozenSchema = answerSchema(freezeSuiteRoute, 200);
const unfrozenSchema = answerSchema(unfreezeSuiteRoute, 200);
const listSchema = answerSchema(suitesRoute, 200);

let harness: ConsoleHarness;
let store: SuiteStore;
/** The suite the scenarios station generated, and the version it extended it to (current). */
let generated: StoredVersion;
let extended: StoredVersion;

const submitAndWork = async () => {
  const item = await submitSmallSpec(harness);
  await harness.work();
  return item;
};

beforeAll(async () => {
  harness = await consoleHarness();
  store = new SuiteStore({ home: harness.home, now: () => new Date() });
  await submitAndWork();
  const versions = await store.list("todo-api");
  expect(versions.map((version) => version.current)).toEqual([true, false]);
  [extended, generated] = versions as [StoredVersion, StoredVersion];
});
afterAll(async () => {
  await harness?.remove();
});

const read = (path: string) => harness.request("GET", path, { token: harness.tokens.reader });
const post = (path: string, json?: unknown, token = harness.tokens.manager) =>
  harness.request("POST", path, { token, ...(json === undefined ? {} : { json }) });
const short = (version: StoredVersion) => version.version.slice(0, 8);

describe("GET /api/suites/{suite}/diff", () => {
  it("compares the current version with the one it extends, as `scenarios diff` does", async () => {
    const diff = await parsedAnswer(await read("/api/suites/todo-api/diff"), 200, diffSchema);

    expect(diff).toEqual(
      await store.diff(`todo-api@${generated.version}`, `todo-api@${extended.version}`),
    );
    expect(diff.from).toBe(`todo-api@${generated.version}`);
    expect(diff.to).toBe(`todo-api@${extended.version}`);
    // Extending adds scenarios: the generated ones are all still there.
    expect(diff.added.length).toBe(extended.scenarioCount - generated.scenarioCount);
    expect(diff.removed).toEqual([]);
    expect(diff.unchanged + diff.changed.length).toBe(generated.scenarioCount);
  });

  it("compares any two versions the query names, by a prefix of each", async () => {
    const forward = await parsedAnswer(await read("/api/suites/todo-api/diff"), 200, diffSchema);

    const backward = await parsedAnswer(
      await read(`/api/suites/todo-api/diff?from=${short(extended)}&to=${short(generated)}`),
      200,
      diffSchema,
    );

    expect(backward).toMatchObject({
      from: forward.to,
      to: forward.from,
      added: [],
      removed: forward.added,
      unchanged: forward.unchanged,
    });
  });

  it("refuses what it cannot compare, naming the field", async () => {
    const first = await expectError(
      await read(`/api/suites/todo-api/diff?to=${short(generated)}`),
      400,
      { field: "from" },
    );
    expect(first.message).toContain("extends no earlier version");
    await expectError(await read("/api/suites/todo-api/diff?from=ffffffff"), 404, {
      code: "not-found",
      field: "from",
    });
    await expectError(await read("/api/suites/todo-api/diff?to=ffffffff"), 404, { field: "to" });
    await expectError(await read("/api/suites/inventory-api/diff"), 404, { field: "suite" });
    await expectError(await read("/api/suites/todo-api/diff?from=3f2"), 400, { field: "from" });
    await expectError(await read("/api/suites/todo-api/diff?since=3f2a"), 400, {
      code: "invalid-request",
    });
    await expectError(await read("/api/suites/Todo_API/diff"), 400, { field: "suite" });
    await expectError(
      await harness.request("GET", "/api/suites/todo-api/diff", { token: null }),
      401,
    );
  });
});

describe("POST /api/suites/{suite}/freeze and /unfreeze", () => {
  it("freezes a version: the next item of the spec is judged by it, no new version is stored", async () => {
    const frozen = await parsedAnswer(
      await post("/api/suites/todo-api/freeze", { version: short(generated) }),
      200,
      frozenSchema,
    );

    expect(frozen).toEqual({ ...generated, current: true, frozen: true });
    expect(await store.resolve("todo-api")).toEqual(frozen);
    const item = await submitAndWork();
    const history = await historyOf(harness, item.id);
    expect(history.item.suite).toBe(`todo-api@${generated.version}`);
    const listed = await parsedAnswer(await read("/api/suites?name=todo-api"), 200, listSchema);
    expect(listed.suites.map((each) => [each.version, each.current, each.frozen])).toEqual([
      [extended.version, false, false],
      [generated.version, true, true],
    ]);
  });

  it("unfreezes a suite: its current version stays, no longer frozen", async () => {
    const unfrozen = await parsedAnswer(
      await post("/api/suites/todo-api/unfreeze"),
      200,
      unfrozenSchema,
    );

    expect(unfrozen).toEqual({ ...generated, current: true, frozen: false });
    expect(await store.resolve("todo-api")).toEqual(unfrozen);
  });

  it("freezes the current version when no version is given", async () => {
    const frozen = await parsedAnswer(await post("/api/suites/todo-api/freeze"), 200, frozenSchema);

    expect(frozen).toMatchObject({ version: generated.version, current: true, frozen: true });
    await parsedAnswer(await post("/api/suites/todo-api/unfreeze"), 200, unfrozenSchema);
  });

  it("refuses what it cannot freeze, naming the field, and changes nothing", async () => {
    const before = await store.list("todo-api");
    await expectError(await post("/api/suites/todo-api/freeze", { version: "ffffffff" }), 404, {
      code: "not-found",
      field: "version",
    });
    await expectError(await post("/api/suites/inventory-api/freeze", {}), 404, { field: "suite" });
    await expectError(await post("/api/suites/inventory-api/unfreeze"), 404, { field: "suite" });
    await expectError(await post("/api/suites/todo-api/freeze", { version: "3f" }), 400, {
      field: "version",
    });
    await expectError(await post("/api/suites/todo-api/freeze", { version: 3 }), 400, {
      field: "version",
    });
    await expectError(await post(`/api/suites/todo-api@${short(generated)}/freeze`, {}), 400, {
      field: "suite",
    });
    expect(await store.list("todo-api")).toEqual(before);
  });

  it("needs a token with the configure scope", async () => {
    const before = await store.list("todo-api");
    for (const action of ["freeze", "unfreeze"]) {
      const path = `/api/suites/todo-api/${action}`;
      for (const token of [harness.tokens.reader, harness.tokens.operator]) {
        await expectError(await post(path, {}, token), 403, { code: "forbidden" });
      }
      await expectError(await harness.request("POST", path, { token: null }), 401, {
        code: "unauthenticated",
      });
    }
    expect(await store.list("todo-api")).toEqual(before);
  });
});
