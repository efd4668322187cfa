import { describe, expect, it } from "vitest";
import type { AgentProcessResult } from "../process/agent-process.js";
import { exitFailure, shortSummary, usdToMicroUsd } from "./output-reader.js";

const exited: AgentProcessResult = {
  ending: "exited",
  exitCode: 2,
  exitSignal: null,
  lines: 0,
  malformedLines: 0,
  stdout: "",
  stderrTail: "warming up\nError: no credentials\n",
};

describe("output reading helpers", () => {
  it("puts a summary on one line within a length", () => {
    expect(shortSummary("  Wrote   the\nservice. ")).toBe("Wrote the service.");
    expect(shortSummary("x".repeat(600))).toHaveLength(500);
  });

  it("says how a program failed, with the end of its stderr", () => {
    expect(exitFailure("codex", exited)).toBe(
      "codex exited with code 2: warming up Error: no credentials",
    );
    expect(
      exitFailure("codex", { ...exited, exitCode: null, exitSignal: "SIGKILL", stderrTail: "" }),
    ).toBe("codex was killed by SIGKILL");
  });

  it("turns dollars into whole micro-dollars", () => {
    expect(usdToMicroUsd(0.0123456)).toBe(12346);
    expect(usdToMicroUsd(-1)).toBe(0);
  });
});
