import { describe, expect, it } from "vitest";
import type { Scenario } from "../../contracts/scenario.js";
import type { TrialResult } from "../../contracts/trial-result.js";
import { renderJunit } from "./junit-report.js";

const scenario = (id: string, category: Scenario["category"], title: string): Scenario => ({
  id,
  category,
  title,
  tags: [],
  steps: [{ request: { method: "GET", path: "/" }, expect: [] }],
});

describe("renderJunit", () => {
  it("has one test case per scenario, failed when any trial failed, with every failure listed", () => {
    const scenarios = [
      scenario("a", "normal", "reads <things> & more"),
      scenario("b", "normal", "b"),
      scenario("c", "malicious", "c"),
    ];
    const results: TrialResult[] = [
      { scenario: "a", category: "normal", pass: true, durationMs: 1000, attempt: 1 },
      {
        scenario: "a",
        category: "normal",
        pass: false,
        durationMs: 500,
        attempt: 2,
        error: 'step 1 (GET /): expected status 200, got "500"',
      },
      { scenario: "b", category: "normal", pass: true, durationMs: 250, attempt: 1 },
      { scenario: "c", category: "malicious", pass: true, durationMs: 250, attempt: 1 },
    ];
    const xml = renderJunit({
      suiteName: "api",
      scenarios,
      results,
      startedAt: "2026-11-24T12:00:00.000Z",
    });
    expect(xml).toContain('<testsuites name="api" tests="3" failures="1" errors="0" time="2.000">');
    expect(xml).toContain(
      '<testsuite name="api.normal" tests="2" failures="1" errors="0" skipped="0" time="1.750"',
    );
    expect(xml).toContain(
      '<testcase classname="api.normal" name="a: reads &lt;things&gt; &amp; more" time="1.500">',
    );
    expect(xml).toContain(
      '<failure message="step 1 (GET /): expected status 200, got &quot;500&quot;" type="1 of 2 trials failed">',
    );
    expect(xml).toContain('<testcase classname="api.malicious" name="c: c" time="0.250"/>');
    expect(xml).toContain('<testsuite name="api.edge" tests="0" failures="0"');
  });

  it("replaces characters XML cannot carry", () => {
    const xml = renderJunit({
      suiteName: "s",
      scenarios: [scenario("x", "edge", "x")],
      results: [
        { scenario: "x", category: "edge", pass: false, durationMs: 1, error: "bad \u0000 byte" },
      ],
      startedAt: "2026-11-24T12:00:00.000Z",
    });
    expect(xml).toContain("bad \uFFFD byte");
    expect(xml).not.toContain("\u0000");
  });
});
