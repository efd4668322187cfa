import { describe, expect, it } from "vitest";
import { runInMemory } from "../support/memory-io.js";

describe("shopfloor plan", () => {
  it("reports 2995 trials with no failure allowed for 99.9% at 95% confidence", async () => {
    const run = await runInMemory([
      "plan",
      "--pass-rate",
      "0.999",
      "--confidence",
      "0.95",
      "--json",
    ]);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      passRate: 0.999,
      confidence: 0.95,
      failuresAllowed: 0,
      trials: 2995,
      method: "clopper-pearson",
    });
  });

  it("explains the figure in words, with other failure allowances", async () => {
    const run = await runInMemory(["plan", "--pass-rate", "0.98", "--failures", "1"]);
    expect(run.stdout).toContain("at most 1 failure");
    expect(run.stdout).toMatch(/^ {2}236 trials$/m);
    expect(run.stdout).toContain("0 → 149, 2 → 313");
  });

  it("plans a suite for a profile and says what it must add", async () => {
    const run = await runInMemory(["plan", "--profile", "standard"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      /^normal\s+100\s+99\.00%\s+95\.0%\s+97\.0%\s+no\s+–\s+299\s+\+199$/m,
    );
    expect(run.stdout).toContain('can never approve a build under "standard": add 317 scenarios');
    const sized = await runInMemory([
      "plan",
      "--profile",
      "standard",
      "--suite",
      "normal=299,edge=99,malicious=99",
      "--json",
    ]);
    expect(JSON.parse(sized.stdout)).toMatchObject({
      profile: "standard",
      canApprove: true,
      scenariosToAdd: 0,
    });
  });

  it("rejects bad values with exit 2", async () => {
    for (const argv of [
      ["plan", "--pass-rate", "1"],
      ["plan", "--pass-rate", "0.9", "--failures", "-1"],
      ["plan", "--profile", "admin", "--suite", "normal=ten"],
      ["plan", "--profile", "admin", "--suite", "smoke=10"],
      ["plan"],
    ]) {
      const run = await runInMemory(argv);
      expect(run.exitCode, argv.join(" ")).toBe(2);
      expect(run.stderr, argv.join(" ")).not.toBe("");
    }
  });
});

describe("shopfloor stats interval", () => {
  it("prints the interval as JSON with full-word keys", async () => {
    const run = await runInMemory([
      "stats",
      "interval",
      "--successes",
      "29",
      "--trials",
      "30",
      "--confidence",
      "0.99",
      "--json",
    ]);
    expect(run.exitCode).toBe(0);
    const interval = JSON.parse(run.stdout);
    expect(interval).toMatchObject({
      successes: 29,
      trials: 30,
      confidence: 0.99,
      method: "clopper-pearson",
      side: "two-sided",
    });
    expect(interval.lower).toBeCloseTo(0.7772489349755662, 9);
    expect(interval.upper).toBeCloseTo(0.9998329292304242, 9);
  });

  it("supports Wilson, Jeffreys and one-sided bounds", async () => {
    const wilson = await runInMemory([
      "stats",
      "interval",
      "--successes",
      "9",
      "--trials",
      "20",
      "--confidence",
      "0.99",
      "--method",
      "wilson",
      "--json",
    ]);
    expect(JSON.parse(wilson.stdout).lower).toBeCloseTo(0.2138416732343235, 9);
    const lower = await runInMemory([
      "stats",
      "interval",
      "--successes",
      "180",
      "--trials",
      "180",
      "--side",
      "lower",
    ]);
    expect(lower.stdout).toContain(
      "180/180 = 100%; 95.0% lower clopper-pearson interval: [0.9834947718",
    );
  });

  it("rejects successes above trials and unknown methods", async () => {
    const above = await runInMemory(["stats", "interval", "--successes", "5", "--trials", "4"]);
    expect(above.exitCode).toBe(2);
    expect(above.stderr).toContain("--successes (5) cannot exceed --trials (4)");
    const method = await runInMemory([
      "stats",
      "interval",
      "--successes",
      "5",
      "--trials",
      "9",
      "--method",
      "wald",
    ]);
    expect(method.exitCode).toBe(2);
    expect(method.stderr).toContain("expected one of clopper-pearson, wilson, jeffreys");
  });
});
