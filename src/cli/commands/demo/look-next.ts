/**
 * The end of the demo: the commands that inspect what it left in the factory home, with the ids of
 * the items it ran (`--home DIR` added when the demo was given one), and the home's folders.
 */
import type { WorkItem } from "../../../contracts/index.js";

export interface LookNextRequest {
  home: string;
  /** The demo was given `--home`: each command repeats it. */
  repeatHome: boolean;
  items: readonly WorkItem[];
}

export function renderLookNext(request: LookNextRequest): string {
  const { items } = request;
  const flag = request.repeatHome ? ` --home ${quoted(request.home)}` : "";
  const regenerated = items.find((item) => item.attempt > 1 && item.approvedBuild !== undefined);
  const approved = items.find((item) => item.approvedBuild !== undefined);
  const shown = regenerated ?? approved ?? items[0];
  const rows: [string, string][] = [
    [`status${flag}`, "the line at a glance: items per state, pass rates, spend today, the queue"],
  ];
  if (shown !== undefined) {
    rows.push([
      `history ${shown.id}${flag}`,
      "every event, build, injected fault, verdict, decision and cost of the item",
    ]);
  }
  rows.push([`exceptions${flag}`, "what waits for a person, its evidence, the decide command"]);
  if (approved !== undefined) {
    rows.push([
      `calibrate ${approved.id}${flag}`,
      "inject faults into the approved build: how many does the gate catch?",
    ]);
  }
  rows.push([`report costs --by station${flag}`, "the ledger, another way"]);
  rows.push([`serve${flag}`, "all of it in the dashboard: open the sign-in link it prints"]);
  const width = Math.max(...rows.map(([command]) => command.length));
  return [
    "Where to look next:",
    ...rows.map(([command, what]) => `  npx shopfloor ${command.padEnd(width)}  ${what}`),
    `  The factory home ${request.home}: factory.db (the line, the queue and the ledger), suites/ (the`,
    "  holdout), artifacts/ (specs, transcripts, gate reports, feedback), repositories/ (one git",
    "  repository per work item, a branch per build).",
    "",
  ].join("\n");
}

function quoted(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}
