import { describe, expect, it } from "vitest";
import { cliObservation, httpObservation } from "../../../test/support/test-observations.js";
import { checkLatency } from "./latency.js";

describe("checkLatency", () => {
  it("passes a step faster than the limit, and fails one at or over it", () => {
    expect(checkLatency(200, httpObservation({ durationMs: 199.6 }))).toBeUndefined();
    expect(checkLatency(200, httpObservation({ durationMs: 200 }))).toBe(
      "expected to take under 200 ms, took 200 ms",
    );
    expect(checkLatency(50, cliObservation({ durationMs: 351.4 }))).toBe(
      "expected to take under 50 ms, took 351 ms",
    );
  });
});
