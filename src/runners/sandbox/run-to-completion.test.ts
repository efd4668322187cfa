import { describe, expect, it } from "vitest";
import { runToCompletion } from "./run-to-completion.js";

const command = (script: string) => ({
  argv: ["sh", "-c", script],
  env: { PATH: "/usr/bin:/bin" },
  cwd: "/",
});

describe("runToCompletion", () => {
  it("collects exit code and output, feeding the given stdin", async () => {
    const run = await runToCompletion(command("cat; echo oops >&2; exit 3"), {
      timeoutMs: 10_000,
      stdin: "input",
    });
    expect(run).toEqual({
      exitCode: 3,
      signal: null,
      stdout: "input",
      stderr: "oops\n",
      timedOut: false,
    });
  });

  it("kills the whole process group when the time is up", async () => {
    const run = await runToCompletion(command("sleep 30 & sleep 30; wait"), { timeoutMs: 200 });
    expect(run).toMatchObject({ timedOut: true, signal: "SIGKILL" });
  });

  it("keeps no more output than asked", async () => {
    const run = await runToCompletion(command("head -c 100000 /dev/zero"), {
      timeoutMs: 10_000,
      maximumOutputBytes: 1000,
    });
    expect(run.stdout.length).toBeLessThan(100_000);
    expect(run.stdout.length).toBeGreaterThanOrEqual(1000);
  });
});
