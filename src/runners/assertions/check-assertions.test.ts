import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cliObservation,
  functionObservation,
  httpObservation,
} from "../../../test/support/test-observations.js";
import type { Assertion } from "../../contracts/scenario.js";
import type { ResponseJudge } from "./assertion-context.js";
import { checkAssertions } from "./check-assertions.js";

const context = { suiteFolder: resolve("test/fixtures/suites/todo-http") };

describe("checkAssertions", () => {
  const created = httpObservation({
    status: 201,
    headers: { "content-type": "application/json", location: "/todos/7" },
    body: { id: 7, title: "milk", done: false },
    durationMs: 40,
  });

  it("returns nothing when every assertion passes", async () => {
    const assertions: Assertion[] = [
      { status: 201 },
      { header: { name: "Location", matches: "^/todos/\\d+$" } },
      { json: { id: 7, title: "milk", done: false } },
      { jsonSubset: { title: "milk" } },
      { jsonSchema: { type: "object", required: ["id"] } },
      { contains: '"milk"' },
      { notContains: "<script>" },
      { matches: '"id":\\d+' },
      { latencyUnderMs: 100 },
      { expression: "status == 201 and body.done == false" },
      { predicate: "checks/has-numeric-id.mjs" },
    ];
    expect(await checkAssertions(assertions, created, context)).toEqual([]);
  });

  it("returns one message per failed assertion, in order", async () => {
    const failures = await checkAssertions(
      [
        { status: 200 },
        { contains: "milk" },
        { jsonSubset: { done: true } },
        { latencyUnderMs: 10 },
      ],
      created,
      context,
    );
    expect(failures).toEqual([
      'expected status 200, got 201; body: "{\\"id\\":7,\\"title\\":\\"milk\\",\\"done\\":false}"',
      "jsonSubset: at body.done: expected true, got false",
      "expected to take under 10 ms, took 40 ms",
    ]);
  });

  it("checks commands: exit code, stdout, stderr, and the main text is stdout", async () => {
    const run = cliObservation({
      exitCode: 0,
      stdout: "Hello, Ada!\n",
      stderr: "warning: old config\n",
    });
    const assertions: Assertion[] = [
      { exitCode: 0 },
      { stdoutContains: "Hello" },
      { stdoutMatches: "^Hello, \\p{Lu}" },
      { stderrContains: "warning" },
      { stderrMatches: "old" },
      { contains: "Ada" },
      { expression: 'stdout ~= "Ada"' },
    ];
    expect(await checkAssertions(assertions, run, context)).toEqual([]);
    expect(await checkAssertions([{ stderrContains: "error" }], run, context)).toEqual([
      'expected stderr to contain "error"; stderr: "warning: old config\\n"',
    ]);
  });

  it("checks function calls: return values and thrown errors", async () => {
    expect(
      await checkAssertions(
        [{ json: 5 }, { matches: "^5$" }],
        functionObservation({ returned: 5 }),
        context,
      ),
    ).toEqual([]);
    const threw = functionObservation({
      threw: { name: "RangeError", message: "cannot divide by zero" },
    });
    expect(await checkAssertions([{ throws: { name: "RangeError" } }], threw, context)).toEqual([]);
    expect(await checkAssertions([{ contains: "x" }], threw, context)).toEqual([
      "expected a return value, but the call threw RangeError: cannot divide by zero",
    ]);
  });

  it("reports an assertion of another kind of step instead of throwing", async () => {
    expect(
      await checkAssertions(
        [{ status: 200 }, { exitCode: 0 }],
        functionObservation({ returned: 1 }),
        context,
      ),
    ).toEqual([
      '"status" does not apply to a function step',
      '"exitCode" does not apply to a function step',
    ]);
    expect(await checkAssertions([{ stdoutContains: "x" }], created, context)).toEqual([
      '"stdoutContains" does not apply to a http step',
    ]);
  });

  it("reports broken patterns, expressions and predicates as failures", async () => {
    const failures = await checkAssertions(
      [{ matches: "(" }, { expression: "status ==" }, { predicate: "checks/missing.mjs" }],
      created,
      context,
    );
    expect(failures).toHaveLength(3);
    expect(failures[0]).toMatch(/^invalid regular expression/);
    expect(failures[1]).toMatch(/^invalid expression "status =="/);
    expect(failures[2]).toMatch(/^predicate checks\/missing\.mjs: cannot load/);
  });

  it("keeps every message short", async () => {
    const huge = httpObservation({ status: 500, bodyText: "x".repeat(1_000_000), body: undefined });
    const failures = await checkAssertions(
      [{ status: 200 }, { contains: "y" }, { json: {} }],
      huge,
      context,
    );
    for (const failure of failures) expect(failure.length).toBeLessThanOrEqual(300);
  });
});

describe("checkAssertions with llmJudge", () => {
  const observation = httpObservation({ status: 200, body: { greeting: "Hello" } });

  function countingJudge(pass: boolean) {
    const asked: string[] = [];
    const judge: ResponseJudge = {
      judge: async (request) => {
        asked.push(request.expectation);
        return { pass, reason: "the greeting is curt" };
      },
    };
    return { judge, asked };
  }

  it("asks the context's judge and reports its verdict", async () => {
    const passing = countingJudge(true);
    const assertions: Assertion[] = [{ status: 200 }, { llmJudge: "greets politely" }];
    expect(
      await checkAssertions(assertions, observation, { ...context, judge: passing.judge }),
    ).toEqual([]);
    expect(passing.asked).toEqual(["greets politely"]);
    const failing = countingJudge(false);
    expect(
      await checkAssertions(assertions, observation, { ...context, judge: failing.judge }),
    ).toEqual(["llmJudge: the greeting is curt"]);
  });

  it("does not spend a model call on a step whose other assertions failed", async () => {
    const { judge, asked } = countingJudge(true);
    const failures = await checkAssertions(
      [{ llmJudge: "greets politely" }, { status: 201 }],
      observation,
      { ...context, judge },
    );
    expect(failures).toEqual([expect.stringMatching(/^expected status 201, got 200/)]);
    expect(asked).toEqual([]);
  });

  it("fails without a judge, and turns a judge's error into a failure message", async () => {
    expect(await checkAssertions([{ llmJudge: "x" }], observation, context)).toEqual([
      "llmJudge needs a model: set models.judge (or models.default) in shopfloor.config.yaml",
    ]);
    const broken: ResponseJudge = {
      judge: async () => {
        throw new Error("Failed after 3 attempts. Last error: Too Many Requests");
      },
    };
    expect(
      await checkAssertions([{ llmJudge: "x" }], observation, { ...context, judge: broken }),
    ).toEqual([
      "llmJudge could not be checked: Failed after 3 attempts. Last error: Too Many Requests",
    ]);
  });
});
