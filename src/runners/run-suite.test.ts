import { describe, expect, it } from "vitest";
import { cliObservation } from "../../test/support/test-observations.js";
import type { Suite } from "../contracts/scenario.js";
import type { JudgeRequest, ResponseJudge } from "./assertions/assertion-context.js";
import { runSuite, trialCount } from "./run-suite.js";
import type { StepRunner } from "./step-runner.js";

const suite: Suite = {
  header: {
    name: "greet",
    version: "1",
    target: "cli",
    defaults: { timeoutMs: 1000, repeat: 2, headers: {}, command: ["node", "greet.mjs"] },
  },
  folder: "/suites/greet",
  scenarios: [
    {
      id: "normal/greets",
      category: "normal",
      title: "Greets warmly",
      tags: [],
      steps: [
        {
          run: { args: ["--name", "Ada"] },
          expect: [{ exitCode: 0 }, { llmJudge: "the greeting is warm and uses the name" }],
        },
      ],
    },
  ],
};

const runner: StepRunner = {
  run: async (step) =>
    cliObservation({
      argv: ["node", "greet.mjs", ...("run" in step ? step.run.args : [])],
      stdout: "Hello, Ada!\n",
    }),
  describe: () => "node greet.mjs --name Ada",
  close: async () => {},
};

describe("runSuite", () => {
  it("hands the judge to every trial", async () => {
    const requests: JudgeRequest[] = [];
    const judge: ResponseJudge = {
      judge: async (request) => {
        requests.push(request);
        return { pass: true, reason: "warm" };
      },
    };
    const summary = await runSuite({
      suite,
      stepRunner: runner,
      concurrency: 2,
      runId: "run",
      judge,
      now: () => 0,
    });
    expect(trialCount(suite)).toBe(2);
    expect(summary.results.map((result) => result.pass)).toEqual([true, true]);
    expect(requests).toHaveLength(2);
    expect(requests[0]?.observation).toContain("Command: node greet.mjs --name Ada");
  });

  it("fails llmJudge trials when no judge is given", async () => {
    const summary = await runSuite({
      suite,
      stepRunner: runner,
      concurrency: 1,
      runId: "run",
      now: () => 0,
    });
    expect(summary.results.map((result) => result.error)).toEqual([
      expect.stringContaining("llmJudge needs a model"),
      expect.stringContaining("llmJudge needs a model"),
    ]);
  });
});
