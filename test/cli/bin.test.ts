/**
 * The installed command end to end: the real bin, a real process, real files and a real pipe. The build is
 * refreshed first so the test never runs yesterday's dist/.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = fileURLToPath(new URL("../../bin/shopfloor.js", import.meta.url));

function shopfloor(args: readonly string[], input?: string) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, encoding: "utf8" });
  return { exitCode: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the shopfloor bin", () => {
  beforeAll(() => {
    execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "pipe" });
  }, 120_000);

  it("plans 2995 trials for 99.9% at 95% confidence", () => {
    const run = shopfloor(["plan", "--pass-rate", "0.999", "--confidence", "0.95", "--json"]);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ trials: 2995, failuresAllowed: 0 });
  });

  it("gates results piped on standard input and exits with the decision's code", () => {
    const results = readFileSync(
      new URL("../../examples/results/todo-api.article-build.jsonl", import.meta.url),
      "utf8",
    );
    const run = shopfloor(["gate", "-", "--profile", "admin"], results);
    expect(run.stdout).toContain("standard input: 180 trials of 180 scenarios");
    expect(run.stdout).toMatch(/^decision: more-trials$/m);
    expect(run.exitCode).toBe(3);
  });

  it("runs the demo on the bundled examples and says that it does", () => {
    const run = shopfloor(["demo"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("the factory line is not built yet");
    expect(run.stdout.match(/^decision: (\S+)$/gm)).toEqual([
      "decision: approve",
      "decision: more-trials",
      "decision: regenerate",
    ]);
  });

  it("prints its version and exits 2 on an unknown command", () => {
    const version = JSON.parse(
      readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
    ).version;
    expect(shopfloor(["--version"]).stdout.trim()).toBe(version);
    const unknown = shopfloor(["gates"]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'gates'");
  });
});
