import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createFakePath,
  eventually,
  type FakePath,
  groupMembers,
  isRunning,
} from "../../../test/fixtures/agents/fake-path.js";
import { type AgentProcessRequest, runAgentProcess } from "./agent-process.js";

let fakePath: FakePath;
let folder: string;
beforeAll(() => {
  fakePath = createFakePath({ "fake-process": "fake-process.mjs" });
});
afterAll(() => fakePath.remove());
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-process-"));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function request(mode: string, changes: Partial<AgentProcessRequest> = {}): AgentProcessRequest {
  return {
    command: "fake-process",
    args: [],
    cwd: folder,
    environment: {
      PATH: fakePath.path,
      FAKE_MODE: mode,
      FAKE_PID_FILE: join(folder, "child.pid"),
    },
    wallClockMs: 10_000,
    signal: new AbortController().signal,
    transcriptPath: join(folder, "artifacts", "fake-transcript.jsonl"),
    stdoutFormat: "json-lines",
    installHint: "npm install -g fake-process",
    killGraceMs: 200,
    ...changes,
  };
}

describe("runAgentProcess", { timeout: 20_000 }, () => {
  it("reads JSON Lines as they come, counts malformed lines and keeps every line in the transcript", async () => {
    const events: unknown[] = [];
    const result = await runAgentProcess(
      request("events", { onEvent: (event) => events.push(event) }),
    );
    expect(events).toEqual([{ type: "start" }, { type: "split", text: "café" }, { type: "last" }]);
    expect(result).toMatchObject({ ending: "exited", exitCode: 0, malformedLines: 1, lines: 5 });
    expect(result.stderrTail).toBe("a warning\n");
    const transcript = readFileSync(join(folder, "artifacts", "fake-transcript.jsonl"), "utf8");
    expect(transcript).toContain("this line is not JSON\n");
    expect(transcript).toContain('{"type":"split","text":"café"}');
  });

  it("gives stdin, the environment and the working directory, and keeps text output", async () => {
    const result = await runAgentProcess(
      request("stdin", {
        stdin: "the task",
        stdoutFormat: "text",
        environment: { PATH: fakePath.path, FAKE_MODE: "stdin", FAKE_VARIABLE: "set" },
      }),
    );
    expect(JSON.parse(result.stdout)).toEqual({ stdin: "the task", cwd: folder, variable: "set" });
  });

  it("reports a non-zero exit with stderr's tail", async () => {
    const result = await runAgentProcess(request("exit-code"));
    expect(result).toMatchObject({
      ending: "exited",
      exitCode: 3,
      stderrTail: "something broke\n",
    });
  });

  it("names the install step when the program is missing", async () => {
    await expect(
      runAgentProcess(request("events", { command: "no-such-agent-program" })),
    ).rejects.toMatchObject({
      code: "invalid-config",
      message:
        "no-such-agent-program is not installed (not found on PATH): npm install -g fake-process",
    });
  });

  it("kills the whole process group at the wall-clock limit", async () => {
    const result = await runAgentProcess(request("hang", { wallClockMs: 2000 }));
    expect(result.ending).toBe("timed-out");
    expect(result.exitSignal).toBe("SIGTERM");
    const child = Number(readFileSync(join(folder, "child.pid"), "utf8"));
    expect(await eventually(() => !isRunning(child))).toBe(true);
    expect(await eventually(() => groupMembers(result.pid ?? 0).length === 0)).toBe(true);
  });

  it("kills with SIGKILL a program that ignores SIGTERM", async () => {
    // It prints once its SIGTERM handler is in place; stopping it then makes the grace period run out.
    const result = await runAgentProcess(
      request("stubborn", { onEvent: (_event, control) => control.stop("enough") }),
    );
    expect(result).toMatchObject({ ending: "stopped", exitSignal: "SIGKILL" });
    expect(await eventually(() => groupMembers(result.pid ?? 0).length === 0)).toBe(true);
  });

  it("stops when the signal is aborted", async () => {
    const controller = new AbortController();
    const result = await runAgentProcess(
      request("hang", {
        signal: controller.signal,
        onEvent: () => controller.abort(),
      }),
    );
    expect(result.ending).toBe("cancelled");
    expect(await eventually(() => groupMembers(result.pid ?? 0).length === 0)).toBe(true);
  });

  it("does not start when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await runAgentProcess(request("events", { signal: controller.signal }));
    expect(result).toMatchObject({ ending: "cancelled", lines: 0 });
    expect(result.pid).toBeUndefined();
  });

  it("stops when a reader asks it to, saying why", async () => {
    const result = await runAgentProcess(
      request("counting", {
        onEvent: (event, control) => {
          if ((event as { count: number }).count === 3) control.stop("three is enough");
        },
      }),
    );
    expect(result).toMatchObject({ ending: "stopped", stopReason: "three is enough" });
  });

  it("ends what the agent left running when it exits", async () => {
    const result = await runAgentProcess(request("background"));
    expect(result.ending).toBe("exited");
    const child = Number(readFileSync(join(folder, "child.pid"), "utf8"));
    expect(await eventually(() => !isRunning(child))).toBe(true);
  });
});
