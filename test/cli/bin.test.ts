/**
 * The installed command end to end: the real bin, a real process, real files and a real pipe. The build is
 * refreshed first so the test never runs yesterday's dist/.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = fileURLToPath(new URL("../../bin/shopfloor.js", import.meta.url));

function shopfloor(args: readonly string[], input?: string, env?: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input,
    env,
    encoding: "utf8",
  });
  return { exitCode: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the shopfloor bin", () => {
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

  it("runs the demo: the examples down the line and into production, a home to inspect", () => {
    const home = mkdtempSync(join(tmpdir(), "shopfloor-demo-"));
    // The home comes from $SHOPFLOOR_HOME, so the commands after the demo find it with no flag.
    const environment = { ...process.env, SHOPFLOOR_HOME: home };
    try {
      const run = shopfloor(["demo"], undefined, environment);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/error/i);
      const { stdout } = run;
      expect(stdout).toContain(`Factory home: ${home}\n`);
      // Each station as it happens.
      expect(stdout).toMatch(/^\d\d:\d\d:\d\d todo-api-[0-9a-f]{6} +scenarios +suite todo-api@/m);
      expect(stdout).toMatch(
        /^\d\d:\d\d:\d\d inventory-api-[0-9a-f]{6} +build +gate → build: regenerate/m,
      );
      // The outcomes with their gate reports: approved, regenerated then approved, an exception.
      expect(stdout).toMatch(
        /^── todo-api-[0-9a-f]{6} \(todo-api\): approved, build #1\.1 after 1 attempt; live as todo-api-r1 at http:\/\/127\.0\.0\.1:\d+$/m,
      );
      expect(stdout).toMatch(
        /^── inventory-api-[0-9a-f]{6} \(inventory-api\), attempt 1: build #1\.1 by scaffold\+faults, sent back by the gate$/m,
      );
      expect(stdout).toMatch(/^injected fault drop-validation at src\/server\.ts:\d+: /m);
      expect(stdout).toMatch(/^attempt 2 was given the gate's feedback: edge \d+ of \d+ passed/m);
      const inventory = stdout.match(
        /^── (inventory-api-[0-9a-f]{6}) \(inventory-api\): approved, build #2\.1 after 2 attempts; live as inventory-api-r1 at http:\/\/127\.0\.0\.1:\d+$/m,
      )?.[1];
      expect(inventory).toBeDefined();
      expect(stdout.match(/^decision: (\S+)$/gm)).toEqual([
        "decision: approve",
        "decision: regenerate",
        "decision: approve",
      ]);
      const tempconv = stdout.match(
        /^── (tempconv-[0-9a-f]{6}) \(tempconv\): in the exception queue \((\w+), agent-cannot-build\): .*The scaffold cannot build tempconv/m,
      );
      expect(tempconv).not.toBeNull();
      expect(stdout).toContain(`a person decides: shopfloor decide ${tempconv?.[2]} --retry`);
      expect(stdout).toContain("3 work items: 2 approved, 2 live, 1 in the exception queue\n");
      // Production: live releases, probe cycles, the production-only fault caught, rolled back, fixed.
      expect(stdout).toMatch(/^Monitor cycle 1 at .*: 2 live releases$/m);
      expect(stdout).toMatch(/^ {2}health ok \(.*\) · 10\/10 probes passed/m);
      expect(stdout).toMatch(
        /^ {2}BREACH: inventory-api-r2 was rolled back; traffic is on inventory-api-r1 again at /m,
      );
      const fix = stdout.match(/^ {10}fix item (inventory-api-[0-9a-f]{6}) opened/m)?.[1];
      expect(fix).toBeDefined();
      expect(stdout).toMatch(/^inventory-api: inventory-api-r3 is live at http/m);
      expect(stdout).toContain("The article's build passed 171 of 180 scenarios");
      expect(stdout).toMatch(/^trials\s+\d+\s/m);
      expect(stdout).toMatch(/^ {2}npx shopfloor status +the line at a glance/m);
      expect(stdout).toMatch(/^The demo took \d+\.\d s\.$/m);

      // The home it leaves is one `status`, `history` and `exceptions` read with no flag.
      const status = shopfloor(["status", "--json"], undefined, environment);
      expect(status.exitCode, status.stderr).toBe(0);
      expect(JSON.parse(status.stdout).states).toMatchObject({
        live: 3,
        "rolled-back": 1,
        exception: 1,
      });
      const releases = shopfloor(["releases", "--json"], undefined, environment);
      expect(
        JSON.parse(releases.stdout).releases.map((release: { id: string; state: string }) => [
          release.id,
          release.state,
        ]),
      ).toEqual([
        ["inventory-api-r3", "live"],
        ["inventory-api-r1", "standby"],
        ["todo-api-r1", "live"],
      ]);
      const history = shopfloor(["history", inventory ?? "", "--json"], undefined, environment);
      expect(history.exitCode, history.stderr).toBe(0);
      const provenance = JSON.parse(history.stdout);
      expect(provenance.item).toMatchObject({ state: "live", attempt: 2 });
      expect(provenance.builds[0].run.injectedFaults).toHaveLength(1);
      const text = shopfloor(["history", inventory ?? ""], undefined, environment);
      expect(text.stdout).toContain("INJECTED FAULT drop-validation");
      const exceptions = shopfloor(["exceptions", "--json"], undefined, environment);
      expect(JSON.parse(exceptions.stdout)).toMatchObject([
        { workItem: tempconv?.[1], reason: "agent-cannot-build" },
      ]);
    } finally {
      // The releases run on in the home's host daemon after the demo: stop it.
      shopfloor(["host", "--stop"], undefined, environment);
      rmSync(home, { recursive: true, force: true });
    }
  }, 170_000);

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
