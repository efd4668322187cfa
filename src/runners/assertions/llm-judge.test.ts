import { describe, expect, it } from "vitest";
import {
  cliObservation,
  functionObservation,
  httpObservation,
} from "../../../test/support/test-observations.js";
import type { JudgeRequest, ResponseJudge } from "./assertion-context.js";
import { checkLlmJudge, cut, describeObservationForJudge, noJudgeMessage } from "./llm-judge.js";

/** A judge that records what it was asked and answers from a rule. */
function fakeJudge(rule: (request: JudgeRequest) => { pass: boolean; reason: string }) {
  const requests: JudgeRequest[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  const judge: ResponseJudge = {
    judge: async (request, signal) => {
      requests.push(request);
      signals.push(signal);
      return rule(request);
    },
  };
  return { judge, requests, signals };
}

describe("checkLlmJudge", () => {
  const observation = httpObservation({ status: 404, body: { error: "no todo 7" } });

  it("passes when the judge says so, and sends the expectation and the observation as text", async () => {
    const { judge, requests, signals } = fakeJudge(() => ({ pass: true, reason: "it does" }));
    const signal = new AbortController().signal;
    expect(await checkLlmJudge("explains what is missing", observation, judge, signal)).toBe(
      undefined,
    );
    expect(requests).toEqual([
      {
        expectation: "explains what is missing",
        observation: describeObservationForJudge(observation),
      },
    ]);
    expect(signals).toEqual([signal]);
  });

  it("fails with the judge's reason", async () => {
    const { judge } = fakeJudge(() => ({ pass: false, reason: "the body names no field" }));
    expect(await checkLlmJudge("names the field", observation, judge)).toBe(
      "llmJudge: the body names no field",
    );
  });

  it("fails, saying how to configure a model, when there is no judge", async () => {
    expect(await checkLlmJudge("anything", observation, undefined)).toBe(noJudgeMessage);
    expect(noJudgeMessage).toBe(
      "llmJudge needs a model: set models.judge (or models.default) in shopfloor.config.yaml",
    );
  });
});

describe("describeObservationForJudge", () => {
  it("shows an http step's request path, request body, status, content type and body", () => {
    const text = describeObservationForJudge(
      httpObservation({
        request: {
          method: "POST",
          url: "http://127.0.0.1:4711/todos?draft=1",
          headers: {},
          bodyText: '{"title":""}',
        },
        status: 400,
        body: { error: "title is required" },
      }),
    );
    expect(text).toBe(
      [
        "Request: POST /todos?draft=1",
        "Request body:",
        '{"title":""}',
        "Response status: 400",
        "Content-Type: application/json",
        "Response body:",
        '{"error":"title is required"}',
      ].join("\n"),
    );
  });

  it("cuts a large body to about 8 KB and says how much was left out", () => {
    const text = describeObservationForJudge(
      httpObservation({ bodyText: "x".repeat(100_000), body: undefined }),
    );
    expect(text.length).toBeLessThan(8_500);
    expect(text).toMatch(/…\(91808 more characters not shown\)$/);
  });

  it("shows a command line, its exit code, stdout and stderr", () => {
    expect(
      describeObservationForJudge(
        cliObservation({
          argv: ["node", "greet.mjs", "--name", "Ada Lovelace"],
          exitCode: 0,
          stdout: "Hello, Ada Lovelace!\n",
        }),
      ),
    ).toBe(
      [
        'Command: node greet.mjs --name "Ada Lovelace"',
        "Exit code: 0",
        "Stdout:",
        "Hello, Ada Lovelace!\n",
        "Stderr:",
        "(empty)",
      ].join("\n"),
    );
    expect(
      describeObservationForJudge(cliObservation({ exitCode: null, signal: "SIGKILL" })),
    ).toContain("Ended by signal: SIGKILL");
  });

  it("shows a call and what it returned or threw", () => {
    expect(describeObservationForJudge(functionObservation({ returned: { total: 5 } }))).toBe(
      'Call: add(2, 3)\nReturned:\n{"total":5}',
    );
    expect(
      describeObservationForJudge(
        functionObservation({ threw: { name: "RangeError", message: "too big", stack: "at x" } }),
      ),
    ).toBe("Call: add(2, 3)\nThrew: RangeError: too big");
  });
});

describe("cut", () => {
  it("keeps short text and never splits a surrogate pair", () => {
    expect(cut("short", 10)).toBe("short");
    expect(cut("ab😀cd", 3)).toBe("ab\n…(4 more characters not shown)");
  });
});
