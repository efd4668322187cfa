/**
 * The installed command end to end: the real bin, a real process, real files and a real pipe. The build is
 * refreshed first so the test never runs yesterday's dist/.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  it("runs the demo: generated suites, sandboxed trials, verdicts and the costs they add up to", () => {
    const home = mkdtempSync(join(tmpdir(), "shopfloor-demo-"));
    try {
      const run = shopfloor(["demo", "--home", home]);
      expect(run.stderr).toBe("");
      expect(run.exitCode).toBe(0);
      expect(run.stdout.match(/^decision: (\S+)$/gm)).toEqual([
        "decision: approve",
        "decision: approve",
        "decision: approve",
        "decision: more-trials",
        "decision: more-trials",
      ]);
      expect(run.stdout).toMatch(/^Acceptance criteria: 12 criteria, \d+ met, [1-9]\d* not met$/m);
      expect(run.stdout).toMatch(/^testing\s+4\s/m);
      expect(run.stdout).toMatch(/^ {2}approved changes\s+3$/m);
      // The home it leaves is one the other commands read.
      const suites = shopfloor(["scenarios", "list", "--home", home, "--json"]);
      expect(JSON.parse(suites.stdout)).toHaveLength(3);
      const costs = shopfloor(["report", "costs", "--home", home, "--json"]);
      expect(costs.exitCode).toBe(0);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);

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
