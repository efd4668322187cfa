import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { describeWithBubblewrap } from "../../../test/support/describe-with-bubblewrap.js";
import {
  eventually,
  makeReadableFixture,
  processesCarrying,
  startSandboxed,
} from "../../../test/support/sandbox-test-support.js";
import { killProcessGroup } from "../process-group.js";
import { BubblewrapSandbox } from "./bubblewrap-sandbox.js";
import { signalOfExitCode } from "./exit-signal.js";
import { runToCompletion } from "./run-to-completion.js";
import type { SandboxedCommand, SandboxLimits } from "./sandbox.js";

const timeoutMs = 15_000;
const gibibyte = 1024 ** 3;

describeWithBubblewrap("BubblewrapSandbox limits", () => {
  const sandbox = new BubblewrapSandbox();
  let fixture: string;
  let work: string;
  let marker: string;
  const commands: SandboxedCommand[] = [];
  const pids: (number | undefined)[] = [];
  const runners: ChildProcess[] = [];

  beforeEach(async () => {
    fixture = await makeReadableFixture();
    work = join(fixture, "work");
    await mkdir(work, { mode: 0o755 });
    // Every process of the sandbox inherits this variable, so the test can find any survivor by it.
    marker = `shopfloor-test-${randomUUID()}`;
  });

  afterEach(async () => {
    for (const pid of pids.splice(0)) killProcessGroup(pid);
    for (const runner of runners.splice(0)) runner.kill("SIGKILL");
    await Promise.all(commands.splice(0).map((command) => command.cleanup()));
    await rm(fixture, { recursive: true, force: true });
  });

  async function prepare(argv: string[], limits: Partial<SandboxLimits> = {}) {
    const command = await sandbox.prepare({
      argv,
      workDirectory: work,
      env: { SHOPFLOOR_TEST_MARKER: marker },
      limits,
    });
    commands.push(command);
    return command;
  }

  const hostCanSpawn = () => execFileSync("echo", ["host is fine"]).toString().trim();

  it(
    "contains a fork bomb, and leaves nothing behind once killed",
    async () => {
      const maxProcesses = 32;
      const command = await prepare(["sh", "-c", "bomb() { bomb | bomb & }; bomb; sleep 60"], {
        maxProcesses,
      });
      const started = startSandboxed(command);
      pids.push(started.child.pid);

      const limitReached = await eventually(
        async () => started.output().stderr.includes("Cannot fork"),
        timeoutMs / 3,
      );
      // The kernel refused a fork: without the process limit (or, as root, without setpriv) it never would.
      expect(limitReached, started.output().stderr).toBe(true);
      expect(hostCanSpawn()).toBe("host is fine");
      killProcessGroup(started.child.pid);
      await started.exited;
      expect(
        await eventually(async () => (await processesCarrying(marker)).length === 0, 5000),
      ).toBe(true);
      expect(hostCanSpawn()).toBe("host is fine");
    },
    timeoutMs,
  );

  it(
    "contains a memory bomb: allocation fails inside and the host is untouched",
    async () => {
      const limits = { memoryBytes: gibibyte };
      const buffers = await runToCompletion(
        await prepare(
          ["node", "-e", "const kept = []; for (;;) kept.push(Buffer.alloc(64 * 1024 * 1024, 1))"],
          limits,
        ),
        { timeoutMs },
      );
      expect(buffers.exitCode).toBe(1);
      expect(buffers.stderr).toContain("RangeError: Array buffer allocation failed");

      const heap = await runToCompletion(
        await prepare(
          ["node", "-e", "const kept = []; for (;;) kept.push(new Array(1e6).fill(Math.random()))"],
          limits,
        ),
        { timeoutMs },
      );
      expect(heap.stderr).toContain("JavaScript heap out of memory");
      expect(signalOfExitCode(heap.exitCode)).toBe("SIGABRT");
      expect(hostCanSpawn()).toBe("host is fine");
    },
    timeoutMs,
  );

  it(
    "stops a busy loop at the CPU-time limit",
    async () => {
      const run = await runToCompletion(
        await prepare(["sh", "-c", "while :; do :; done"], { cpuSeconds: 1 }),
        { timeoutMs },
      );
      expect(run.timedOut).toBe(false);
      expect(["SIGXCPU", "SIGKILL"]).toContain(signalOfExitCode(run.exitCode));
    },
    timeoutMs,
  );

  it(
    "kills everything inside when the spawned process dies (--die-with-parent)",
    async () => {
      const command = await prepare(["sh", "-c", "sleep 60 & sleep 60 & wait"]);
      const started = startSandboxed(command);
      pids.push(started.child.pid);
      // bwrap (outside and inside), sh and two sleeps.
      expect(
        await eventually(async () => (await processesCarrying(marker)).length >= 4, 5000),
      ).toBe(true);

      started.child.kill("SIGKILL");
      await started.exited;
      expect(
        await eventually(async () => (await processesCarrying(marker)).length === 0, 5000),
      ).toBe(true);
    },
    timeoutMs,
  );

  it(
    "dies with the runner that spawned it, even when the runner is killed outright",
    async () => {
      const command = await prepare(["sh", "-c", "sleep 60 & sleep 60 & wait"]);
      // A stand-in for the runner: a node process that spawns the sandbox and then idles.
      const runner = spawn(
        process.execPath,
        [
          "-e",
          `require("node:child_process").spawn(process.argv[1], process.argv.slice(2), {
            detached: true, stdio: "ignore", env: ${JSON.stringify(command.env)},
          }); setInterval(() => {}, 1000);`,
          ...command.argv,
        ],
        { stdio: "ignore" },
      );
      runners.push(runner);
      expect(
        await eventually(async () => (await processesCarrying(marker)).length >= 4, 5000),
      ).toBe(true);

      runner.kill("SIGKILL");
      expect(
        await eventually(async () => (await processesCarrying(marker)).length === 0, 5000),
      ).toBe(true);
    },
    timeoutMs,
  );

  it("runs the code as nobody when shopfloor runs as root", async () => {
    const run = await runToCompletion(await prepare(["id", "-un"]), { timeoutMs });
    const expected = process.getuid?.() === 0 ? "nobody" : execFileSync("id", ["-un"]).toString();
    expect(run.stdout.trim()).toBe(expected.trim());
  });
});
