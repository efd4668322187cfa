import { describe, expect, it } from "vitest";
import { startFailure, unansweredObservation } from "./worker-end.js";

const hang = { module: "/code/math.mjs", export: "hang", args: [], timeoutMs: 100 };
const add = { module: "/code/math.mjs", export: "add", args: [1, 2], timeoutMs: 100 };
const quiet = { stderrLines: [], exportsInFlight: ["add"] };

describe("unansweredObservation", () => {
  it("blames the neighbour a worker was killed for", () => {
    const observation = unansweredObservation(add, 4, {
      ...quiet,
      killCause: { kind: "abort", request: hang },
      exit: { exitCode: null, signal: "SIGKILL" },
    });
    expect(observation.threw?.name).toBe("WorkerKilled");
    expect(observation.threw?.message).toContain('a call to export "hang" on it was aborted');
  });

  it("reports a worker killed from outside, e.g. by the sandbox's limits, as a crash", () => {
    const observation = unansweredObservation(add, 4, {
      ...quiet,
      killCause: undefined,
      exit: { exitCode: null, signal: "SIGKILL" },
    });
    expect(observation.threw).toEqual({
      name: "WorkerCrashed",
      message: 'the function worker exited on signal SIGKILL while calling export "add"',
    });
  });

  it("says when the worker was stopped for an unreadable line", () => {
    const observation = unansweredObservation(add, 4, {
      ...quiet,
      killCause: { kind: "unreadable", reason: "not JSON: hello" },
      exit: { exitCode: null, signal: "SIGKILL" },
    });
    expect(observation.threw?.message).toContain(
      "sent a line that is not a response (not JSON: hello)",
    );
  });
});

describe("startFailure", () => {
  it("says how the start failed, with what the worker printed", () => {
    const timedOut = startFailure({
      killCause: { kind: "start-timeout" },
      exit: undefined,
      stderrLines: [],
      startTimeoutMs: 50,
    });
    expect(timedOut.message).toBe("the function worker did not become ready within 50 ms");
    const exited = startFailure({
      killCause: undefined,
      exit: { exitCode: 70, signal: null },
      stderrLines: ["cannot write responses on file descriptor 3"],
      startTimeoutMs: 50,
    });
    expect(exited.message).toBe(
      "the function worker exited with code 70 before it was ready; its last stderr lines:\ncannot write responses on file descriptor 3",
    );
    expect(exited.retryable).toBe(true);
  });
});
