import { type SpawnOptions, spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../contracts/errors.js";
import { runScript, type ScriptRequest } from "./run-script.js";

function shell(script: string, request: Partial<ScriptRequest> = {}) {
  return runScript({
    argv: ["sh", "-c", script],
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? "" },
    timeoutMs: 30_000,
    spawn,
    ...request,
  });
}

describe("runScript", () => {
  it("reports the exit code, both streams' output and the last line of stdout", async () => {
    const outcome = await shell(
      'echo one; echo two >&2; echo "  https://x.example  "; echo >&2 late',
    );
    expect(outcome.exit).toEqual({ code: 0, signal: null });
    // Each stream keeps its order; how the two interleave depends on when their pipes are read.
    expect(
      outcome.output.filter((line) => ["one", "  https://x.example  "].includes(line)),
    ).toEqual(["one", "  https://x.example  "]);
    expect(outcome.output.filter((line) => ["two", "late"].includes(line))).toEqual([
      "two",
      "late",
    ]);
    expect(outcome.lastStdoutLine).toBe("https://x.example");
    expect(outcome).toMatchObject({ timedOut: false, cancelled: false });
  });

  it("keeps only the last 20 lines and a last line printed without a newline", async () => {
    const outcome = await shell("seq 1 50; printf 'no newline'; exit 4");
    expect(outcome.exit.code).toBe(4);
    expect(outcome.output).toHaveLength(20);
    expect(outcome.output[0]).toBe("32");
    expect(outcome.lastStdoutLine).toBe("no newline");
  });

  it("stops the script when it is cancelled", async () => {
    const controller = new AbortController();
    const running = shell("echo started; sleep 30", { signal: controller.signal });
    setImmediate(() => controller.abort());
    const outcome = await running;
    expect(outcome.cancelled).toBe(true);
    expect(outcome.exit.signal).toBe("SIGTERM");
  });

  it("spawns the program itself in its own process group, with no shell", async () => {
    const calls: { command: string; args: readonly string[]; options: SpawnOptions }[] = [];
    const outcome = await runScript({
      argv: ["echo", "$HOME"],
      cwd: tmpdir(),
      env: { PATH: process.env.PATH ?? "" },
      timeoutMs: 30_000,
      spawn: (command, args, options) => {
        calls.push({ command, args, options });
        return spawn(command, args, options);
      },
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      command: "echo",
      args: ["$HOME"],
      options: { detached: true, shell: false },
    });
    expect(outcome.lastStdoutLine).toBe("$HOME");
  });

  it("refuses an empty argv", () => {
    expect(() => shell("", { argv: [] })).toThrow(InvalidArgumentError);
  });
});
