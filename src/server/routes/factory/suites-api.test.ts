/**
 * The holdout suites through the API, on a real line whose scenarios station stored the small todo
 * spec's suite (and extended it to what the admin profile needs, some 700 scenarios): listed as `scenarios list` lists them, summed up as `scenarios show` prints them (its
 * scenarios in a line each, not their steps), one scenario whole; and the refusals.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ConsoleHarness,
  consoleHarness,
} from "../../../../test/support/console/console-harness.js";
import {
  answerSchema,
  expectError,
  parsedAnswer,
} from "../../../../test/support/console/line-answers.js";
import { SuiteStore } from "../../../scenarios/store/suite-store.js";
import { suiteRoute, suiteScenarioRoute, suitesRoute } from "./factory-routes.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const listSchema = answerSchema(suitesRoute, 200);
const suiteSchema = answerSchema(suiteRoute, 200);
const scenarioSchema = answerSchema(suiteScenarioRoute, 200);

let harness: ConsoleHarness;

beforeAll(async () => {
  harness = await consoleHarness();
  await harness.request("POST", "/api/items", {
    json: { name: "todo-small.md", spec: harness.smallSpec },
  });
  await harness.work();
});
afterAll(async () => {
  await harness?.remove();
});

const read = (path: string) => harness.request("GET", path, { token: harness.tokens.reader });

describe("GET /api/suites", () => {
  it("lists the stored suites as the store has them, of one name when asked", async () => {
    const { suites } = await parsedAnswer(await read("/api/suites"), 200, listSchema);

    const stored = await new SuiteStore({ home: harness.home, now: () => new Date() }).list();
    expect(suites).toEqual(stored);
    // The scenarios station stored the spec's suite, then extended it to what the admin profile needs.
    const [extended, generated] = suites;
    expect(suites).toHaveLength(2);
    expect(generated).toMatchObject({
      name: "todo-api",
      current: false,
      counts: { normal: 5, edge: 3, malicious: 2 },
      scenarioCount: 10,
    });
    expect(extended).toMatchObject({ name: "todo-api", current: true, parent: generated?.version });
    const named = await parsedAnswer(await read("/api/suites?name=todo-api"), 200, listSchema);
    expect(named.suites).toEqual(suites);
  });

  it("refuses a name no suite has, and one that cannot be a suite's", async () => {
    await expectError(await read("/api/suites?name=inventory-api"), 404, {
      code: "not-found",
      field: "name",
    });
    await expectError(await read("/api/suites?name=Todo_API"), 400, { field: "name" });
    await expectError(await harness.request("GET", "/api/suites", { token: null }), 401);
  });
});

describe("GET /api/suites/{suite}", () => {
  it("sums a suite up: header, provenance, coverage and its scenarios without their steps", async () => {
    const suite = await parsedAnswer(await read("/api/suites/todo-api"), 200, suiteSchema);

    expect(suite.stored).toMatchObject({ name: "todo-api", current: true });
    expect(suite.header).toMatchObject({ name: "todo-api", target: "http" });
    expect(suite.header.generated?.counts).toEqual({ normal: 5, edge: 3, malicious: 2 });
    expect(suite.scenarios).toHaveLength(suite.stored.scenarioCount);
    expect(suite.scenarios.filter((each) => each.category === "edge")).toHaveLength(
      suite.stored.counts.edge,
    );
    for (const scenario of suite.scenarios) expect(scenario.steps).toBeGreaterThan(0);
    expect(suite.coverage.length).toBeGreaterThan(0);
    for (const criterion of suite.coverage) {
      const covering = suite.scenarios.filter((each) => each.covers.includes(criterion.id));
      expect(criterion.scenarios, criterion.id).toEqual(covering.map((each) => each.id));
    }

    const version = suite.stored.version;
    const byVersion = await parsedAnswer(
      await read(`/api/suites/todo-api@${version.slice(0, 6)}`),
      200,
      suiteSchema,
    );
    expect(byVersion).toEqual(suite);
  });

  it("gives one scenario whole, steps and all", async () => {
    const suite = await parsedAnswer(await read("/api/suites/todo-api"), 200, suiteSchema);
    const [first] = suite.scenarios;
    if (first === undefined) throw new Error("the suite has no scenario");

    const scenario = await parsedAnswer(
      await read(`/api/suites/todo-api/scenarios/${encodeURIComponent(first.id)}`),
      200,
      scenarioSchema,
    );

    expect(scenario).toMatchObject({ id: first.id, category: first.category, title: first.title });
    expect(scenario.steps).toHaveLength(first.steps);
    const missing = await expectError(
      await read("/api/suites/todo-api/scenarios/no-such-scenario"),
      404,
      { field: "scenario" },
    );
    expect(missing.message).toContain("has no scenario");
  });

  it("refuses an unknown suite or version, and a reference that cannot be one", async () => {
    await expectError(await read("/api/suites/inventory-api"), 404, {
      code: "not-found",
      field: "suite",
    });
    await expectError(await read("/api/suites/todo-api@ffffffff"), 404, {
      code: "not-found",
      field: "suite",
    });
    await expectError(await read("/api/suites/inventory-api/scenarios/create-todo"), 404, {
      field: "suite",
    });
    await expectError(await read("/api/suites/Todo%20API"), 400, { field: "suite" });
    await expectError(await harness.request("GET", "/api/suites/todo-api", { token: null }), 401);
  });
});
