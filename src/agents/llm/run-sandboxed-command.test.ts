import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, watch } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NoSandbox } from "../../runners/sandbox/no-sandbox.js";
import type { Sandbox, SandboxRequest } from "../../runners/sandbox/sandbox.js";
import {
  type CommandOutcome,
  cutMiddle,
  describeOutcome,
  maximumCommandOutputBytes,
  passed,
  runSandboxedCommand,
  type Timers,
} from "./run-sandboxed-command.js";

let root: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "shopfloor-llm-command-")));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Timers that only fire when the test says so. */
function manualTimers(): Timers & { fire(): void; cleared: number } {
  const callbacks: (() => void)[] = [];
  const timers = {
    cleared: 0,
    setTimeout: (callback: () => void) => callbacks.push(callback),
    clearTimeout: () => {
      timers.cleared += 1;
    },
    fire: () => {
      for (const callback of callbacks.splice(0)) callback();
    },
  };
  return timers;
}

/** Resolves once `path` exists: an event, not a sleep. */
function fileAppears(path: string): Promise<void> {
  return new Promise((settle) => {
    const watcher = watch(join(path, ".."), () => {
      if (!existsSync(path)) return;
      watcher.close();
      settle();
    });
    if (existsSync(path)) {
      watcher.close();
      settle();
    }
  });
}

function isAlive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0];
    return state !== "Z";
  } catch {
    return false;
  }
}

const run = (argv: string[], changes: { signal?: AbortSignal; timers?: Timers } = {}) =>
  runSandboxedCommand({
    sandbox: new NoSandbox(),
    argv,
    workDirectory: root,
    timeoutMs: 60_000,
    signal: changes.signal ?? new AbortController().signal,
    ...(changes.timers === undefined ? {} : { timers: changes.timers }),
  });

describe("runSandboxedCommand", () => {
  it("runs the command in the workspace through the sandbox and collects its output", async () => {
    const requests: SandboxRequest[] = [];
    const inner = new NoSandbox();
    const recording: Sandbox = {
      name: "none",
      isolating: false,
      prepare: (request) => {
        requests.push(request);
        return inner.prepare(request);
      },
    };
    const timers = manualTimers();
    const outcome = await runSandboxedCommand({
      sandbox: recording,
      argv: ["sh", "-c", "pwd; echo oops >&2; exit 3"],
      workDirectory: root,
      timeoutMs: 1_000,
      signal: new AbortController().signal,
      limits: { cpuSeconds: 5 },
      timers,
    });
    expect(outcome).toEqual({
      exitCode: 3,
      exitSignal: null,
      stdout: `${root}\n`,
      stderr: "oops\n",
    });
    expect(requests).toEqual([
      {
        argv: ["sh", "-c", "pwd; echo oops >&2; exit 3"],
        workDirectory: root,
        readOnlyPaths: [],
        env: {},
        limits: { cpuSeconds: 5 },
      },
    ]);
    expect(timers.cleared).toBe(1);
    expect(passed(outcome)).toBe(false);
  });

  it("kills the whole process group at its timeout", async () => {
    const timers = manualTimers();
    const pidFile = join(root, "pid");
    const outcome = run(
      ["sh", "-c", `sleep 30 & echo $! > ${pidFile}.new; mv ${pidFile}.new ${pidFile}; wait`],
      { timers },
    );
    await fileAppears(pidFile);
    const sleeper = Number(readFileSync(pidFile, "utf8"));
    expect(isAlive(sleeper)).toBe(true);
    timers.fire();
    const ended = await outcome;
    expect(ended.stopped).toBe("timed-out");
    expect(ended.exitSignal).toBe("SIGKILL");
    expect(isAlive(sleeper)).toBe(false);
    expect(passed(ended)).toBe(false);
  });

  it("kills the command when the run is aborted, even before it starts", async () => {
    const controller = new AbortController();
    const pidFile = join(root, "pid");
    const outcome = run(
      ["sh", "-c", `echo $$ > ${pidFile}.new; mv ${pidFile}.new ${pidFile}; exec sleep 30`],
      {
        signal: controller.signal,
      },
    );
    await fileAppears(pidFile);
    controller.abort();
    expect((await outcome).stopped).toBe("aborted");

    const early = await run(["sleep", "30"], { signal: AbortSignal.abort() });
    expect(early.stopped).toBe("aborted");
  });

  it("reports a program that cannot start", async () => {
    const outcome = await run(["no-such-program-anywhere"]);
    expect(outcome.startError).toMatch(/ENOENT/);
    expect(describeOutcome(["no-such-program-anywhere"], outcome)).toMatch(/could not start/);
  });

  it("keeps at most the cap of output", async () => {
    const outcome = await run([
      "sh",
      "-c",
      `head -c ${maximumCommandOutputBytes + 5000} /dev/zero`,
    ]);
    expect(outcome.stdout.length).toBe(maximumCommandOutputBytes);
    expect(outcome.exitCode).toBe(0);
  });
});

describe("describeOutcome", () => {
  const outcome = (changes: Partial<CommandOutcome>): CommandOutcome => ({
    exitCode: 0,
    exitSignal: null,
    stdout: "",
    stderr: "",
    ...changes,
  });

  it("shows the command, how it ended, and each stream", () => {
    expect(describeOutcome(["npm", "test"], outcome({ exitCode: 1, stdout: "1 failed\n" }))).toBe(
      "$ npm test\nexit code 1\n--- stdout ---\n1 failed\n",
    );
    expect(describeOutcome(["x"], outcome({ stopped: "timed-out", exitSignal: "SIGKILL" }))).toBe(
      "$ x\nkilled: it ran past its timeout",
    );
    expect(describeOutcome(["x"], outcome({ exitCode: null, exitSignal: "SIGSEGV" }))).toBe(
      "$ x\nkilled by SIGSEGV",
    );
  });

  it("keeps the head and the tail of a long stream", () => {
    const text = `${"a".repeat(100)}${"b".repeat(100)}`;
    expect(cutMiddle(text, 20)).toBe(
      `${"a".repeat(10)}\n[… 180 characters cut …]\n${"b".repeat(10)}`,
    );
    expect(cutMiddle("short", 20)).toBe("short");
  });
});
