import { describe, expect, it } from "vitest";
import { GateVerdict } from "../../src/contracts/index.js";
import { runInMemory } from "../support/memory-io.js";
import { suiteResults } from "../support/trial-results.js";

const jsonLines = (records: readonly object[]) =>
  records.map((record) => JSON.stringify(record)).join("\n");
const flawless = jsonLines(suiteResults({ normal: [100, 0], edge: [50, 0], malicious: [30, 0] }));
const article = jsonLines(suiteResults({ normal: [94, 6], edge: [47, 3], malicious: [30, 0] }));
const broken = jsonLines(suiteResults({ normal: [100, 0], edge: [50, 0], malicious: [10, 20] }));

describe("shopfloor gate", () => {
  it("prints a readable report with the decision on its own line and exits 0 on approve", async () => {
    const run = await runInMemory(["gate", "results.jsonl"], { "results.jsonl": flawless });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("profile admin");
    expect(run.stdout).toMatch(
      /^category\s+scenarios\s+passed\s+failed\s+rate\s+lower\s+upper\s+threshold\s+status$/m,
    );
    expect(run.stdout).toMatch(/^normal\s+100\s+100\s+0\s+100%\s+97\.0%\s+100%\s+95\.0%\s+pass$/m);
    expect(run.stdout).toMatch(/^decision: approve$/m);
    expect(run.stderr).toBe("");
  });

  it("does not approve 171 of 180 under admin: exit 3, more trials, with the number needed", async () => {
    const run = await runInMemory(["gate", "results.jsonl", "--profile", "admin"], {
      "results.jsonl": article,
    });
    expect(run.exitCode).toBe(3);
    expect(run.stdout).toMatch(/^decision: more-trials$/m);
    expect(run.stdout).toMatch(/inconclusive \(\+\d+\)/);
  });

  it("exits 1 on regenerate", async () => {
    const run = await runInMemory(["gate", "results.jsonl"], { "results.jsonl": broken });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^decision: regenerate$/m);
    expect(run.stdout).toContain("error clusters (1, by failed trials)");
  });

  it("prints the verdict as one JSON object that matches the contract", async () => {
    const run = await runInMemory(["gate", "results.jsonl", "--json", "--profile", "standard"], {
      "results.jsonl": flawless,
    });
    expect(run.exitCode).toBe(3);
    const verdict = GateVerdict.parse(JSON.parse(run.stdout));
    expect(verdict.profile).toBe("standard");
    expect(verdict.decision).toBe("more-trials");
    expect(verdict.additionalScenariosNeeded).toBe(199 + 49 + 69);
  });

  it('reads standard input for "-"', async () => {
    const run = await runInMemory(["gate", "-", "--json"], {}, flawless);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).decision).toBe("approve");
  });

  it("exits 2 and names the line and field of a bad record", async () => {
    const run = await runInMemory(["gate", "bad.jsonl"], {
      "bad.jsonl": `${flawless}\n{"scenario":"x","category":"normal","pass":1,"durationMs":3}`,
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('bad.jsonl:181: field "pass"');
    expect(run.stdout).toBe("");
  });

  it("exits 2 for a file that cannot be read, an empty file, or an unknown profile", async () => {
    expect((await runInMemory(["gate", "missing.jsonl"])).stderr).toContain(
      "cannot read missing.jsonl: no such file",
    );
    const empty = await runInMemory(["gate", "empty.jsonl"], { "empty.jsonl": "\n" });
    expect(empty).toMatchObject({ exitCode: 2 });
    expect(empty.stderr).toContain("no trial results to gate");
    const unknown = await runInMemory(["gate", "r.jsonl", "--profile", "nope"], {
      "r.jsonl": flawless,
    });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('unknown quality profile "nope"');
  });

  it("uses the profiles and default profile of a config file in the working directory", async () => {
    const config =
      "defaultProfile: lenient\nprofiles:\n  lenient:\n    extends: standard\n    categories:\n      normal: { threshold: 0.9 }\n      edge: { threshold: 0.9 }\n      malicious: { threshold: 0.9 }\n";
    const run = await runInMemory(["gate", "r.jsonl"], {
      "r.jsonl": flawless,
      "/project/shopfloor.config.yaml": config,
    });
    expect(run.stdout).toContain("profile lenient");
    expect(run.exitCode).toBe(0);
    const explicit = await runInMemory(["gate", "r.jsonl", "--config", "other.yaml"], {
      "r.jsonl": flawless,
      "other.yaml": "budget: { dailyUsd: -1 }",
    });
    expect(explicit.exitCode).toBe(2);
    expect(explicit.stderr).toContain('other.yaml:1: field "budget.dailyUsd"');
  });

  it("exits 2 on a usage error and 0 on --help", async () => {
    const usage = await runInMemory(["gate"]);
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toContain("missing required argument 'results'");
    const help = await runInMemory(["gate", "--help"]);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain(
      "Exit codes: 0 approve, 1 regenerate, 3 more-trials, 2 bad input or usage.",
    );
  });
});
