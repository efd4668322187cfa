/**
 * One monitor cycle for a terminal (`shopfloor monitor`): per live release its address, its health
 * check, how many probes passed and their p95 latency, the failing probes, the SLO test's decision and
 * reason, and a breach in plain words: what was rolled back to what, the incident, the fix item.
 */
import type { ProbeResult, WorkItem } from "../contracts/index.js";
import type { MonitorCycleReport, ReleaseCheck } from "../line/factory-line.js";
import { percentile } from "../stats/percentiles.js";
import { milliseconds, plural } from "./format.js";
import { timeOfDay } from "./line-event-text.js";
import { truncate } from "./line-format.js";

const shownFailures = 3;
const healthScenario = "health";

export function renderMonitorCycle(
  report: MonitorCycleReport,
  options: { timeZone?: string } = {},
): string {
  const time = timeOfDay(report.at, options.timeZone);
  if (report.checks.length === 0) {
    return `Monitor cycle ${report.cycle} at ${time}: Nothing to watch: no live release.\n`;
  }
  const headline = `Monitor cycle ${report.cycle} at ${time}: ${plural(report.checks.length, "live release")}`;
  return `${[headline, ...report.checks.map(renderCheck)].join("\n")}\n`;
}

/** The fix items the cycle opened, one per breach that was not itself a fix. */
export function fixItemsOf(report: MonitorCycleReport): WorkItem[] {
  return report.checks.flatMap((check) =>
    check.breach?.fixItem === undefined ? [] : [check.breach.fixItem],
  );
}

export function breachesOf(report: MonitorCycleReport): number {
  return report.checks.filter((check) => check.breach !== undefined).length;
}

function renderCheck(check: ReleaseCheck): string {
  const { release, item, results, watch } = check;
  const address = release.address === undefined ? "" : ` at ${release.address}`;
  const probes = results.filter((result) => result.scenario !== healthScenario);
  // The reason gives the window's counts: the probes since the test last decided healthy.
  return [
    `${release.id} (${item.id})${address}`,
    `  ${healthText(results)} · ${check.refused === undefined ? probesText(probes) : "no scenario probes"}`,
    ...failureLines(probes),
    ...(check.refused === undefined
      ? []
      : [`  scenario probes refused by the monitoring budget: ${check.refused}`]),
    `  SLO test: ${watch.decision}: ${watch.reason}`,
    ...breachLines(check),
  ].join("\n");
}

function healthText(results: readonly ProbeResult[]): string {
  const health = results.find((result) => result.scenario === healthScenario);
  if (health === undefined) return "no health check";
  if (health.passed) return `health ok (${milliseconds(health.latencyMs)} ms)`;
  return `health FAILED: ${truncate(health.error ?? "no answer", 80)}`;
}

function probesText(probes: readonly ProbeResult[]): string {
  if (probes.length === 0) return "no scenario probes (the item has no suite)";
  const passed = probes.filter((probe) => probe.passed).length;
  const p95 = percentile(
    probes.map((probe) => probe.latencyMs),
    0.95,
  );
  return `${passed}/${plural(probes.length, "probe")} passed, p95 ${milliseconds(p95)} ms`;
}

function failureLines(probes: readonly ProbeResult[]): string[] {
  const failing = probes.filter((probe) => !probe.passed);
  const lines = failing
    .slice(0, shownFailures)
    .map(
      (probe, index) =>
        `  ${index === 0 ? "failing:" : "        "} ${probe.title} (${probe.scenario}): ${truncate(probe.error ?? "failed", 80)}`,
    );
  const more = failing.length - shownFailures;
  if (more > 0) lines.push(`           … and ${more} more (shopfloor monitor --json)`);
  return lines;
}

/** A breach in plain words: what went back where, the incident, and what repairs it. */
function breachLines(check: ReleaseCheck): string[] {
  const { release, item, breach } = check;
  if (breach === undefined) return [];
  const to = breach.rolledBackTo;
  const address = to?.address ?? release.address;
  const rollback =
    to === undefined
      ? `${release.id} was rolled back; it was the service's first release, so the service has no live release now`
      : `${release.id} was rolled back; traffic is on ${to.id} again${address === undefined ? "" : ` at ${address}`}`;
  const lines = [`  BREACH: ${rollback}`, `          incident ${breach.incident.id} recorded`];
  if (breach.fixItem !== undefined) {
    lines.push(
      `          fix item ${breach.fixItem.id} opened: it goes down the line with the failing probes as feedback`,
    );
  } else if (item.fixes !== undefined) {
    lines.push(
      `          ${item.id} was itself a fix, so it went to the exception queue: shopfloor exceptions`,
    );
  }
  return lines;
}
