import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DirectSandbox } from "../../../test/support/direct-sandbox.js";
import type { CliStep } from "../../contracts/scenario.js";
import { CliStepRunner } from "./cli-step-runner.js";

const folder = fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "");
const step = (run: Partial<CliStep["run"]>): CliStep => ({ run: { args: [], ...run }, expect: [] });

function runner(sandbox = new DirectSandbox()) {
  return new CliStepRunner({
    sandbox,
    suiteFolder: folder,
    defaultCommand: [process.execPath, "-e"],
    now: () => performance.now(),
  });
}

describe("CliStepRunner", () => {
  it("runs the command with arguments, stdin and env and observes exit code and output", async () => {
    const sandbox = new DirectSandbox();
    const observation = await runner(sandbox).run(
      step({
        args: [
          "let input='';process.stdin.on('data',c=>input+=c).on('end',()=>{console.log(input.toUpperCase()+process.env.GREETING);console.error('warned');process.exit(3)})",
        ],
        stdin: "hello ",
        env: { GREETING: "world" },
      }),
      new AbortController().signal,
    );
    expect(observation).toMatchObject({
      kind: "cli",
      exitCode: 3,
      signal: null,
      stdout: "HELLO world\n",
      stderr: "warned\n",
    });
    expect(sandbox.requests[0]).toMatchObject({
      workDirectory: folder,
      env: { GREETING: "world" },
    });
  });

  it("kills the process group when the trial is aborted", async () => {
    const controller = new AbortController();
    const running = runner().run(step({ args: ["setInterval(()=>{},1000)"] }), controller.signal);
    setTimeout(() => controller.abort(new Error("timed out")), 50);
    const observation = await running;
    expect(observation.signal).toBe("SIGKILL");
  });

  it("describes a step by its command line", () => {
    expect(
      new CliStepRunner({
        sandbox: new DirectSandbox(),
        suiteFolder: folder,
        defaultCommand: ["todo"],
        now: () => 0,
      }).describe(step({ args: ["add", "milk"] })),
    ).toBe("todo add milk");
  });
});
