import { describe, expect, it } from "vitest";
import { cliObservation } from "../../../test/support/test-observations.js";
import { checkExitCode } from "./exit-code.js";

describe("checkExitCode", () => {
  it("passes the expected code", () => {
    expect(checkExitCode(2, cliObservation({ exitCode: 2 }))).toBeUndefined();
  });

  it("shows the end of stderr with the code it got", () => {
    const stderr = `${"noise\n".repeat(100)}error: --name is required\n`;
    expect(checkExitCode(0, cliObservation({ exitCode: 1, stderr }))).toMatch(
      /^expected exit code 0, got 1; stderr ends: ".*error: --name is required"$/,
    );
  });

  it("says when a signal ended the process", () => {
    expect(checkExitCode(0, cliObservation({ exitCode: null, signal: "SIGSEGV" }))).toBe(
      "expected exit code 0, the process was killed by SIGSEGV",
    );
  });
});
