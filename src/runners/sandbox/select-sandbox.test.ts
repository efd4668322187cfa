import { describe, expect, it } from "vitest";
import { BubblewrapSandbox } from "./bubblewrap-sandbox.js";
import { NoSandbox } from "./no-sandbox.js";
import { probeBubblewrap } from "./probe-bubblewrap.js";
import { SandboxUnavailableError } from "./sandbox-errors.js";
import { selectSandbox } from "./select-sandbox.js";

const failingProbe = async () => "bwrap was not found";
const workingProbe = async () => undefined;

describe("selectSandbox", () => {
  it("picks bubblewrap when it works, even if running unsandboxed is allowed", async () => {
    expect(await selectSandbox({ allowUnsandboxed: true, probe: workingProbe })).toBeInstanceOf(
      BubblewrapSandbox,
    );
  });

  it("refuses to run untrusted code unsandboxed unless told to, and says what to do", async () => {
    const error = await selectSandbox({ allowUnsandboxed: false, probe: failingProbe }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(SandboxUnavailableError);
    const message = (error as SandboxUnavailableError).message;
    expect(message).toContain("bwrap was not found");
    expect(message).toContain("apt-get install bubblewrap");
    expect(message).toContain("--no-sandbox");
    expect(message).toContain("no file, network, memory or process isolation");
    expect((error as SandboxUnavailableError).code).toBe("invalid-config");
  });

  it("falls back to no sandbox when the user allowed it", async () => {
    const sandbox = await selectSandbox({ allowUnsandboxed: true, probe: failingProbe });
    expect(sandbox).toBeInstanceOf(NoSandbox);
    expect(sandbox.isolating).toBe(false);
  });
});

describe("probeBubblewrap", () => {
  it("names a bwrap that cannot be run", async () => {
    const reason = await probeBubblewrap(
      new BubblewrapSandbox({ bwrapPath: "/nonexistent/bwrap-for-the-test" }),
    );
    expect(reason).toContain("/nonexistent/bwrap-for-the-test");
  });
});
