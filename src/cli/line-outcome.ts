/**
 * The end of `shopfloor run`: each work item's outcome, the gate report of the build that decided it,
 * and what to run next (`shopfloor history ID`, `shopfloor exceptions`).
 */
import type { Build, WorkItem } from "../contracts/index.js";
import { settledWorkItemStates } from "../contracts/index.js";
import type { WorkItemHistory } from "../line/factory-line.js";
import { plural } from "./format.js";
import { renderGateReport } from "./gate-report.js";
import { shortBuild } from "./line-event-text.js";

export function renderItemOutcome(history: WorkItemHistory): string {
  const { item } = history;
  const sections = [`── ${item.id} (${item.name}): ${outcomeText(history)}`];
  for (const build of decidingBuilds(history)) {
    if (build.verdict === undefined) continue;
    const model = build.model === undefined ? "" : ` (${build.model})`;
    const source = `build ${shortBuild(build.id, item.id)} by ${build.agent}${model}`;
    sections.push(renderGateReport(build.verdict, source).trimEnd());
  }
  const next = [`shopfloor history ${item.id}`];
  if (item.state === "exception") next.push("shopfloor exceptions");
  sections.push(`next: ${next.join(", ")}`);
  return `${sections.join("\n\n")}\n`;
}

function outcomeText({ item, exceptions, events }: WorkItemHistory): string {
  const approved = `approved, build ${shortBuild(item.approvedBuild ?? "?", item.id)} after ${plural(item.attempt, "attempt")}`;
  const release = events.findLast((event) => event.type === "release.end");
  const where =
    release?.type === "release.end"
      ? `${release.payload.release}${release.payload.address === undefined ? "" : ` at ${release.payload.address}`}`
      : "its release";
  switch (item.state) {
    case "approved":
      return approved;
    case "deploy":
      return `${approved}; being deployed`;
    case "live":
      return `${approved}; live as ${where}`;
    case "rolled-back":
      return `${approved}; went live as ${where}, then was rolled back`;
    case "exception": {
      const open = exceptions.findLast((exception) => exception.state === "open");
      return open === undefined
        ? "in the exception queue"
        : `in the exception queue (${open.id}, ${open.reason}): ${open.summary}`;
    }
    case "rejected":
      return "rejected";
    default:
      return `not settled: waiting at ${item.state}`;
  }
}

/** The approved build; else the gated builds of the last attempt; the candidates in order. */
function decidingBuilds({ item, builds }: WorkItemHistory): Build[] {
  const approved = builds.find((build) => build.id === item.approvedBuild);
  if (approved !== undefined) return [approved];
  const lastAttempt = Math.max(0, ...builds.map((build) => build.attempt));
  return builds
    .filter((build) => build.attempt === lastAttempt && build.verdict !== undefined)
    .sort((left, right) => left.candidate - right.candidate);
}

/** One line counting the outcomes, e.g. `2 approved, 1 in the exception queue`. */
export function outcomeCounts(items: readonly WorkItem[]): string {
  // Approved and still so: in production since, or rolled back by the monitor, counts too.
  const approved = items.filter((item) =>
    ["approved", "deploy", "live", "rolled-back"].includes(item.state),
  ).length;
  const live = items.filter((item) => item.state === "live").length;
  const exception = items.filter((item) => item.state === "exception").length;
  const rejected = items.filter((item) => item.state === "rejected").length;
  const unsettled = items.filter((item) => !settledWorkItemStates.includes(item.state)).length;
  const parts = [`${approved} approved`];
  if (live > 0) parts.push(`${live} live`);
  if (exception > 0) parts.push(`${exception} in the exception queue`);
  if (rejected > 0) parts.push(`${rejected} rejected`);
  if (unsettled > 0) parts.push(`${unsettled} not settled`);
  return `${plural(items.length, "work item")}: ${parts.join(", ")}`;
}
