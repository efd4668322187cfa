import { describe, expect, it } from "vitest";
import {
  abortedObservation,
  callObservation,
  crashedObservation,
  killedObservation,
  timedOutObservation,
} from "./call-observation.js";

const request = { module: "/code/math.mjs", export: "hang", args: [], timeoutMs: 250 };
const neighbour = { module: "/code/math.mjs", export: "add", args: [1, 2], timeoutMs: 1_000 };

describe("call observations", () => {
  it("carry the export, the arguments and what the call did", () => {
    expect(callObservation(neighbour, { returned: 3 }, 0.2)).toEqual({
      kind: "function",
      export: "add",
      args: [1, 2],
      returned: 3,
      durationMs: 0.2,
    });
  });

  it("name a timeout and an abort", () => {
    expect(timedOutObservation(request, 251).threw).toEqual({
      name: "TrialTimeout",
      message: "call timed out after 250 ms",
    });
    expect(abortedObservation(request, 3).threw?.name).toBe("ShopfloorAborted");
  });

  it("say how the worker ended and what it last printed", () => {
    const end = { exitCode: 3, signal: null, exportsInFlight: ["hang"], stderrLines: ["boom"] };
    expect(crashedObservation(request, end, 5).threw).toEqual({
      name: "WorkerCrashed",
      message:
        'the function worker exited with code 3 while calling export "hang"; its last stderr lines:\nboom',
    });
    const killed = {
      ...end,
      exitCode: null,
      signal: "SIGKILL",
      exportsInFlight: ["hang", "add"],
      stderrLines: [],
    };
    expect(crashedObservation(request, killed, 5).threw?.message).toBe(
      'the function worker exited on signal SIGKILL while calling export "hang" (2 calls were in flight on it: "hang", "add"; any of them may have ended it)',
    );
  });

  it("tell a neighbour of a timed-out call why it failed and that it is not retried", () => {
    const message = killedObservation(neighbour, { request, reason: "timeout" }, 9).threw?.message;
    expect(message).toContain('a call to export "hang" on it timed out after 250 ms');
    expect(message).toContain("not retried");
  });
});
