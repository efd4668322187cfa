import { describe, expect, it } from "vitest";
import { signalOfExitCode } from "./exit-signal.js";

describe("signalOfExitCode", () => {
  it("decodes 128 + n as signal n", () => {
    expect(signalOfExitCode(137)).toBe("SIGKILL");
    expect(signalOfExitCode(152)).toBe("SIGXCPU");
    expect(signalOfExitCode(134)).toBe("SIGABRT");
  });

  it("leaves ordinary exit codes alone", () => {
    expect(signalOfExitCode(0)).toBeUndefined();
    expect(signalOfExitCode(1)).toBeUndefined();
    expect(signalOfExitCode(null)).toBeUndefined();
  });
});
