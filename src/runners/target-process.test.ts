import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import type { Sandbox } from "./sandbox/sandbox.js";
import { TargetProcess } from "./target-process.js";

/** A sandbox whose command cannot be spawned at all, as when bwrap or sh is missing from PATH. */
const brokenSandbox: Sandbox = {
  name: "none",
  isolating: false,
  prepare: async (request) => ({
    argv: ["/no/such/program"],
    cwd: request.workDirectory,
    env: {},
    temporaryDirectory: tmpdir(),
    cleanup: async () => undefined,
  }),
};

describe("TargetProcess", () => {
  it("refuses to start, with the reason, when its command cannot be spawned", async () => {
    const started = TargetProcess.start({
      command: "node server.js",
      workDirectory: tmpdir(),
      sandbox: brokenSandbox,
      readyPath: "/health",
      readyTimeoutMs: 5_000,
      now: () => performance.now(),
      sleep: (milliseconds) => new Promise((settle) => setTimeout(settle, milliseconds)),
    });
    await expect(started).rejects.toThrow(/exited before it was ready.*cannot run the command/s);
  });
});
