import { describe, expect, it } from "vitest";
import { httpObservation } from "../../test/support/test-observations.js";
import type { Observation } from "../contracts/observation.js";
import type { Scenario, Step } from "../contracts/scenario.js";
import type { JudgeRequest, ResponseJudge } from "./assertions/assertion-context.js";
import { runTrial } from "./run-trial.js";
import type { StepRunner } from "./step-runner.js";

/** A step runner that answers every step with the same observation and records what it ran. */
function fixedRunner(observation: Observation) {
  const ran: Step[] = [];
  const runner: StepRunner = {
    run: async (step) => {
      ran.push(step);
      return observation;
    },
    describe: (step) => ("request" in step ? `${step.request.method} ${step.request.path}` : "?"),
    close: async () => {},
  };
  return { runner, ran };
}

function recordingJudge(pass: boolean) {
  const requests: JudgeRequest[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  const judge: ResponseJudge = {
    judge: async (request, signal) => {
      requests.push(request);
      signals.push(signal);
      return { pass, reason: pass ? "it apologises" : "the message is rude" };
    },
  };
  return { judge, requests, signals };
}

const scenario: Scenario = {
  id: "edge/missing-todo",
  category: "edge",
  title: "A missing todo is explained politely",
  tags: [],
  steps: [
    {
      request: { method: "GET", path: "/todos/404" },
      expect: [{ status: 404 }, { llmJudge: "the error message is polite and names the id" }],
    },
  ],
};

const observation = httpObservation({
  request: { method: "GET", url: "http://127.0.0.1:9/todos/404", headers: {}, bodyText: "" },
  status: 404,
  body: { error: "Sorry, there is no todo 404." },
});

function trial(judge?: ResponseJudge) {
  const { runner } = fixedRunner(observation);
  const signal = new AbortController().signal;
  const request = {
    scenario,
    attempt: 1,
    unique: "run-1",
    suiteFolder: "/suites/todo",
    ...(judge === undefined ? {} : { judge }),
  };
  return { run: () => runTrial(request, runner, signal, () => 0), signal };
}

describe("runTrial with an llmJudge assertion", () => {
  it("passes when the judge accepts the step's result, which it receives as text", async () => {
    const { judge, requests, signals } = recordingJudge(true);
    const { run, signal } = trial(judge);
    expect(await run()).toEqual({
      scenario: "edge/missing-todo",
      category: "edge",
      pass: true,
      durationMs: 0,
      attempt: 1,
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.expectation).toBe("the error message is polite and names the id");
    expect(requests[0]?.observation).toContain("Request: GET /todos/404");
    expect(requests[0]?.observation).toContain("Sorry, there is no todo 404.");
    expect(signals).toEqual([signal]);
  });

  it("fails with the judge's reason", async () => {
    const { judge } = recordingJudge(false);
    const result = await trial(judge).run();
    expect(result.pass).toBe(false);
    expect(result.error).toBe("step 1 (GET /todos/404): llmJudge: the message is rude");
  });

  it("fails, saying how to configure a model, when no judge is given", async () => {
    const result = await trial().run();
    expect(result.pass).toBe(false);
    expect(result.error).toBe(
      "step 1 (GET /todos/404): llmJudge needs a model: set models.judge (or models.default) in shopfloor.config.yaml",
    );
  });
});

describe("runTrial's robustness checks over several steps", () => {
  const storedPath = "C:\\Windows\\System32\\drivers\\etc\\hosts";
  const twoSteps: Scenario = {
    id: "malicious/stored-path",
    category: "malicious",
    title: "A path-like name is stored and read back as text",
    tags: [],
    steps: [
      { request: { method: "POST", path: "/files", json: { name: storedPath } }, expect: [] },
      { request: { method: "GET", path: "/files/1" }, expect: [] },
    ],
  };
  const sent = httpObservation({
    request: {
      method: "POST",
      url: "http://127.0.0.1:9/files",
      headers: {},
      bodyText: JSON.stringify({ name: storedPath }),
    },
    status: 201,
    body: { id: 1, name: storedPath },
  });
  const readBack = httpObservation({
    request: { method: "GET", url: "http://127.0.0.1:9/files/1", headers: {}, bodyText: "" },
    status: 200,
    body: { id: 1, name: storedPath },
  });

  function runnerAnswering(observations: Observation[]): StepRunner {
    let index = 0;
    return {
      run: async () => observations[index++] ?? readBack,
      describe: () => "step",
      close: async () => {},
    };
  }

  it("does not count text an earlier step sent as a leaked internal path", async () => {
    const result = await runTrial(
      { scenario: twoSteps, attempt: 1, unique: "run-1", suiteFolder: "/suites" },
      runnerAnswering([sent, readBack]),
      new AbortController().signal,
      () => 0,
    );
    expect(result).toMatchObject({ pass: true });
  });

  it("still counts a path no step sent", async () => {
    const leak = httpObservation({
      request: readBack.request,
      status: 200,
      body: { error: "at /srv/app/node_modules/db/index.js:12" },
    });
    const result = await runTrial(
      { scenario: twoSteps, attempt: 1, unique: "run-1", suiteFolder: "/suites" },
      runnerAnswering([sent, leak]),
      new AbortController().signal,
      () => 0,
    );
    expect(result.error).toMatch(/internal path/);
  });
});
