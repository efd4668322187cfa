/**
 * The demo's account of one work item once the line has settled it: the gate reports of the attempts
 * the gate sent back (the injected faults named, and the feedback the next attempt was given), then the
 * item's outcome as `shopfloor run` shows it and, for an item waiting in the exception queue, the
 * `shopfloor decide` command a person would run.
 */
import type { Build, FeedbackReport, LineException } from "../../../contracts/index.js";
import { percent } from "../../../gate/percent.js";
import type { WorkItemHistory } from "../../../line/factory-line.js";
import { plural } from "../../format.js";
import { renderGateReport } from "../../gate-report.js";
import { shortBuild } from "../../line-event-text.js";
import { decideHint } from "../../line-exceptions.js";
import { renderItemOutcome } from "../../line-outcome.js";

export function renderDemoOutcome(
  history: WorkItemHistory,
  openExceptions: readonly LineException[],
): string {
  const { item } = history;
  const sections = sentBack(history).map((build) => renderSentBack(history, build));
  const waiting = openExceptions.filter((exception) => exception.workItem === item.id);
  const decide = waiting.map((exception) => `a person decides: ${decideHint(exception)}\n`);
  sections.push(`${renderItemOutcome(history)}${decide.join("")}`);
  return sections.join("\n");
}

/** The gated builds of the attempts before the one that decided the item, in order. */
function sentBack({ item, builds }: WorkItemHistory): Build[] {
  const approved = builds.find((build) => build.id === item.approvedBuild);
  const deciding = approved?.attempt ?? Math.max(0, ...builds.map((build) => build.attempt));
  return builds
    .filter((build) => build.attempt < deciding && build.verdict !== undefined)
    .sort((left, right) => left.attempt - right.attempt || left.candidate - right.candidate);
}

function renderSentBack(history: WorkItemHistory, build: Build): string {
  const { item } = history;
  const agent = build.run?.agent ?? build.agent;
  const lines = [
    `── ${item.id} (${item.name}), attempt ${build.attempt}: build ${shortBuild(build.id, item.id)} by ${agent}, sent back by the gate`,
  ];
  for (const fault of build.run?.injectedFaults ?? []) {
    lines.push(`injected fault ${fault.kind} at ${fault.file}:${fault.line}: ${fault.description}`);
  }
  const source = `build ${shortBuild(build.id, item.id)}`;
  const report = build.verdict === undefined ? "" : renderGateReport(build.verdict, source);
  const next = history.builds.find(
    (each) => each.attempt === build.attempt + 1 && each.feedback !== undefined,
  );
  const feedback =
    next?.feedback === undefined
      ? ""
      : `\nattempt ${next.attempt} was given the gate's feedback: ${feedbackText(next.feedback)}\n`;
  return `${lines.join("\n")}\n\n${report}${feedback}`;
}

/** e.g. `edge 285 of 333 passed (needs 90.0%); 3 error clusters and 5 failures in full`. */
export function feedbackText(feedback: FeedbackReport): string {
  const short = feedback.categories.filter(
    (category) =>
      category.threshold !== null &&
      category.passRate !== null &&
      category.passRate < category.threshold,
  );
  const categories = short.map(
    (category) =>
      `${category.category} ${category.passed} of ${category.passed + category.failed} passed (needs ${percent(category.threshold ?? 0)})`,
  );
  const failures = `${plural(feedback.errorClusters.length, "error cluster")} and ${plural(feedback.examples.length, "failure")} in full, never a scenario's steps`;
  return [...categories, failures].join("; ");
}
