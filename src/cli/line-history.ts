/**
 * `shopfloor history ITEM` for a terminal: a work item's full provenance, top to bottom. The spec (path,
 * hash, lint score), every event, each attempt's candidates (agent, model, commit, files, tokens, cost,
 * injected faults labelled), the suite version that judged each and its verdict per category with
 * bounds, the exceptions and the decisions (who, when, why), and the costs with their total.
 */
import type { Build, Decision, LineEvent } from "../contracts/index.js";
import { costCategories } from "../contracts/index.js";
import { formatUsd } from "../ledger/money.js";
import type { WorkItemHistory } from "../line/factory-line.js";
import { lineUpText } from "../line/line-up-text.js";
import { count, optionalPercent, plural } from "./format.js";
import { describeEvent, shortBuild, stationOf } from "./line-event-text.js";
import { renderException } from "./line-exceptions.js";
import { runCostText } from "./line-format.js";
import { textTable } from "./text-table.js";

export interface HistoryOptions {
  timeZone?: string;
  now: Date;
}

export function renderHistory(history: WorkItemHistory, options: HistoryOptions): string {
  const sections = [
    headerSection(history),
    timelineSection(history.events, options.timeZone),
    ...attemptSections(history),
    exceptionsSection(history, options.now),
    decisionsSection(history.decisions, options.timeZone),
    costsSection(history.costs),
  ];
  return `${sections.join("\n\n")}\n`;
}

/** `2026-11-24 14:02:11` in the given time zone (default: this machine's). */
export function dateTime(at: string, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")}`;
}

function headerSection({ item, events }: WorkItemHistory): string {
  const approved =
    item.approvedBuild === undefined ? "" : ` (build ${shortBuild(item.approvedBuild, item.id)})`;
  const intake = events.findLast((event) => event.type === "intake.end");
  const lint =
    intake === undefined
      ? "not linted yet"
      : `lint score ${intake.payload.score} (minimum ${intake.payload.minimumScore}, ${plural(intake.payload.findings, "finding")})`;
  const rows = [
    ["spec", item.specPath],
    ["", `sha256 ${item.specHash}, ${lint}`],
    ["profile", item.profile],
    ["line-up", lineUpText(item.lineUp)],
    ["suite", item.suite ?? "none yet"],
    ...(item.parent === undefined ? [] : [["continues", item.parent]]),
    ["created", item.createdAt],
    ["updated", item.updatedAt],
  ];
  const table = rows.map(([label = "", value = ""]) => `  ${label.padEnd(10)}${value}`).join("\n");
  return `${item.id}: ${item.name}, ${item.state}${approved}, attempt ${item.attempt}\n${table}`;
}

function timelineSection(events: readonly LineEvent[], timeZone: string | undefined): string {
  if (events.length === 0) return "Events: none";
  const agents = agentsOf(events);
  const lines = events.map(
    (event) =>
      `  ${dateTime(event.at, timeZone)}  ${stationOf(event).padEnd(9)} ${describeEvent(event, agents)}`,
  );
  return `Events:\n${lines.join("\n")}`;
}

function agentsOf(events: readonly LineEvent[]): Map<string, string> {
  const agents = new Map<string, string>();
  for (const event of events) {
    if (event.type === "build.start") agents.set(event.payload.build, event.payload.agent);
  }
  return agents;
}

function attemptSections(history: WorkItemHistory): string[] {
  const attempts = [...new Set(history.builds.map((build) => build.attempt))].sort((a, b) => a - b);
  return attempts.map((attempt) => {
    const builds = history.builds
      .filter((build) => build.attempt === attempt)
      .sort((left, right) => left.candidate - right.candidate);
    return [`Attempt ${attempt}:`, ...builds.map((build) => buildSection(build, history))].join(
      "\n",
    );
  });
}

function buildSection(build: Build, history: WorkItemHistory): string {
  const model = build.model ?? build.run?.model;
  const approved = history.item.approvedBuild === build.id ? ", APPROVED" : "";
  const lines = [
    `  ${shortBuild(build.id, build.workItem)}  ${build.agent}${model === undefined ? "" : ` (${model})`}, ${build.state}${approved}`,
  ];
  if (build.feedback !== undefined) {
    lines.push(
      `        given the gate's feedback: ${build.feedback.decision}, ${build.feedback.reason}`,
    );
  }
  const { run } = build;
  if (run !== undefined) {
    const commit = run.commit === undefined ? "no commit" : `commit ${run.commit.slice(0, 12)}`;
    lines.push(
      `        ${commit}, ${plural(run.filesChanged.length, "file")} changed, ${count(run.tokens.inputTokens)} tokens in / ${count(run.tokens.outputTokens)} out, ${runCostText(run)}, ${(run.durationMs / 1000).toFixed(1)} s (${run.status})`,
    );
    if (run.summary !== "") lines.push(`        agent: ${run.summary}`);
    for (const fault of run.injectedFaults) {
      lines.push(
        `        INJECTED FAULT ${fault.kind} at ${fault.file}:${fault.line}: ${fault.description}`,
      );
    }
  }
  if (build.verdict !== undefined) {
    const suite = suiteThatJudged(build, history);
    lines.push(
      `        judged by ${suite}: ${build.verdict.decision}, ${build.verdict.reason}`,
      indent(verdictTable(build), 8),
    );
  }
  return lines.join("\n");
}

/**
 * The last suite version made ready before the build's verdict (a round of more trials extends the suite
 * into a new version), and the rounds of trials the build took.
 */
function suiteThatJudged(build: Build, history: WorkItemHistory): string {
  const verdict = history.events.findLast(
    (event) => event.type === "gate.verdict" && event.payload.build === build.id,
  );
  const before = (event: LineEvent) => verdict === undefined || event.sequence < verdict.sequence;
  const ready = history.events.findLast((event) => event.type === "suite.ready" && before(event));
  const suite =
    ready?.type === "suite.ready" ? ready.payload.suite : (history.item.suite ?? "its suite");
  const rounds = Math.max(
    1,
    ...history.events.map((event) =>
      event.type === "trials.start" && event.payload.build === build.id && before(event)
        ? event.payload.round
        : 1,
    ),
  );
  return rounds === 1 ? suite : `${suite} after ${rounds} rounds of trials`;
}

function verdictTable(build: Build): string {
  const rows = (build.verdict?.categories ?? []).map((report) => [
    report.category,
    `${count(report.passed)}/${count(report.scenarios)}`,
    optionalPercent(report.passRate),
    `${optionalPercent(report.lowerBound)}–${optionalPercent(report.upperBound)}`,
    optionalPercent(report.threshold),
    report.status,
  ]);
  return textTable(["category", "passed", "rate", "bounds", "threshold", "status"], rows, [
    "left",
    "right",
    "right",
    "right",
    "right",
    "left",
  ]);
}

function exceptionsSection(history: WorkItemHistory, now: Date): string {
  if (history.exceptions.length === 0) return "Exceptions: none";
  const rendered = history.exceptions.map((exception) =>
    indent(renderException(exception, now), 2),
  );
  return `Exceptions:\n${rendered.join("\n")}`;
}

function decisionsSection(decisions: readonly Decision[], timeZone: string | undefined): string {
  if (decisions.length === 0) return "Decisions: none";
  const lines = decisions.map((decision) => {
    const details = Object.entries(decision.details)
      .map(([key, value]) => `${key} ${typeof value === "string" ? value : JSON.stringify(value)}`)
      .join(", ");
    return `  ${dateTime(decision.at, timeZone)}  ${decision.by} decided ${decision.action} on ${decision.exception}${details === "" ? "" : ` (${details})`}: "${decision.reason}"`;
  });
  return `Decisions:\n${lines.join("\n")}`;
}

function costsSection(costs: WorkItemHistory["costs"]): string {
  const categories = costCategories
    .map((category) => `${category} ${formatUsd(costs.byCategory[category] ?? 0)}`)
    .join(" · ");
  const stations = Object.entries(costs.byStation)
    .map(([station, amount]) => `${station} ${formatUsd(amount)}`)
    .join(" · ");
  const agents = costs.byAgentModel
    .map(
      (line) =>
        `${line.agent}${line.model === null ? "" : `/${line.model}`} ${formatUsd(line.microUsd)}`,
    )
    .join(" · ");
  return [
    `Costs: ${formatUsd(costs.totalMicroUsd)} in total`,
    `  by category:        ${categories}`,
    `  by station:         ${stations === "" ? "–" : stations}`,
    `  by agent and model: ${agents === "" ? "–" : agents}`,
  ].join("\n");
}

function indent(text: string, width: number): string {
  const padding = " ".repeat(width);
  return text
    .split("\n")
    .map((line) => `${padding}${line}`)
    .join("\n");
}
