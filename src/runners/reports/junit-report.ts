/**
 * JUnit XML, so that any CI system shows the scenarios: one test suite per category, one test case per
 * scenario (the gate's unit of evidence), failed when any of its trials failed, with every failed trial's
 * error in the failure text.
 */
import type { Scenario } from "../../contracts/scenario.js";
import { scenarioCategories } from "../../contracts/scenario-category.js";
import type { TrialResult } from "../../contracts/trial-result.js";

export interface JunitInput {
  suiteName: string;
  scenarios: readonly Scenario[];
  results: readonly TrialResult[];
  /** ISO time the run started. */
  startedAt: string;
}

export function renderJunit(input: JunitInput): string {
  const byScenario = new Map<string, TrialResult[]>();
  for (const result of input.results) {
    const trials = byScenario.get(result.scenario) ?? [];
    trials.push(result);
    byScenario.set(result.scenario, trials);
  }
  const suites = scenarioCategories.map((category) => {
    const scenarios = input.scenarios.filter(
      (scenario) => scenario.category === category && byScenario.has(scenario.id),
    );
    const cases = scenarios.map((scenario) =>
      testCase(input.suiteName, scenario, byScenario.get(scenario.id) ?? []),
    );
    const failures = cases.filter((testCaseXml) => testCaseXml.includes("<failure")).length;
    const seconds = scenarios.reduce(
      (sum, scenario) => sum + totalSeconds(byScenario.get(scenario.id) ?? []),
      0,
    );
    return [
      `  <testsuite name="${escapeXml(`${input.suiteName}.${category}`)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="${seconds.toFixed(3)}" timestamp="${escapeXml(input.startedAt)}">`,
      ...cases,
      "  </testsuite>",
    ].join("\n");
  });
  const tests = input.scenarios.filter((scenario) => byScenario.has(scenario.id)).length;
  const failures = [...byScenario.values()].filter((trials) =>
    trials.some((trial) => !trial.pass),
  ).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(input.suiteName)}" tests="${tests}" failures="${failures}" errors="0" time="${totalSeconds(input.results).toFixed(3)}">`,
    ...suites,
    "</testsuites>",
    "",
  ].join("\n");
}

function testCase(suiteName: string, scenario: Scenario, trials: readonly TrialResult[]): string {
  const opening = `    <testcase classname="${escapeXml(`${suiteName}.${scenario.category}`)}" name="${escapeXml(`${scenario.id}: ${scenario.title}`)}" time="${totalSeconds(trials).toFixed(3)}"`;
  const failed = trials.filter((trial) => !trial.pass);
  if (failed.length === 0) return `${opening}/>`;
  const first = failed[0]?.error ?? "failed";
  const details = failed
    .map((trial) => `attempt ${trial.attempt ?? 1}: ${trial.error ?? "failed"}`)
    .join("\n");
  const summary = `${failed.length} of ${trials.length} trials failed`;
  return [
    `${opening}>`,
    `      <failure message="${escapeXml(first)}" type="${escapeXml(summary)}">${escapeXml(details)}</failure>`,
    "    </testcase>",
  ].join("\n");
}

function totalSeconds(trials: readonly TrialResult[]): number {
  return trials.reduce((sum, trial) => sum + trial.durationMs, 0) / 1000;
}

/** XML text and attribute escaping; characters XML 1.0 cannot carry at all are replaced. */
function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML forbids.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "\uFFFD")
  );
}
