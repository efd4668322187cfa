/**
 * One line of `shopfloor run`'s output per line event: the time, the work item, the station and what
 * happened, e.g. `14:02:11 todo-api-3f9c2a  build     #1.1 scaffold built 9f3c2e1 ($0.00)`. The same
 * text names events in `shopfloor history`.
 */
import type { LineEvent } from "../contracts/index.js";
import { percent } from "../gate/percent.js";
import { formatUsd } from "../ledger/money.js";
import { plural } from "./format.js";

const stationWidth = 9;

/** `14:02:11` in the given time zone (default: this machine's). */
export function timeOfDay(at: string, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(new Date(at));
}

/**
 * `agents` maps build ids to the agent that builds them (from `build.start`), so that `build.end`,
 * whose payload does not name the agent, can say who built what.
 */
/** Wide enough for most ids (a spec name and six hex digits), so that the columns line up. */
const itemWidth = 22;

export function renderLineEvent(
  event: LineEvent,
  options: { timeZone?: string; agents?: ReadonlyMap<string, string> } = {},
): string {
  const station = stationOf(event).padEnd(stationWidth);
  const item = event.workItem.padEnd(itemWidth);
  return `${timeOfDay(event.at, options.timeZone)} ${item}  ${station} ${describeEvent(event, options.agents)}`;
}

/** The station (or kind of step) an event belongs to, for the station column. */
export function stationOf(event: LineEvent): string {
  switch (event.type) {
    case "work-item.create":
      return "submit";
    case "work-item.transition":
      return event.payload.to;
    case "intake.end":
      return "intake";
    case "build.start":
    case "build.end":
      return "build";
    case "suite.ready":
      return "scenarios";
    case "trials.start":
    case "trials.end":
      return "trials";
    case "gate.verdict":
      return "gate";
    case "exception.open":
      return "exception";
    case "decision.record":
      return "decision";
    case "calibration.end":
      return "calibrate";
    case "budget.exceeded":
      return "budget";
    case "release.start":
    case "release.end":
      return "deploy";
    case "release.rollback":
      return "rollback";
    case "incident.open":
      return "monitor";
  }
}

/** What happened, in a sentence without the time, item and station. */
export function describeEvent(
  event: LineEvent,
  agents: ReadonlyMap<string, string> = new Map(),
): string {
  switch (event.type) {
    case "work-item.create": {
      const { payload } = event;
      const parent = payload.parent === undefined ? "" : `, continues ${payload.parent}`;
      return `submitted ${payload.specPath} (profile ${payload.profile}${parent})`;
    }
    case "work-item.transition":
      return `${event.payload.from} → ${event.payload.to}: ${event.payload.reason}`;
    case "intake.end": {
      const { score, minimumScore, findings } = event.payload;
      const verdict = score >= minimumScore ? "≥" : "<";
      return `lint score ${score} ${verdict} ${minimumScore} (${plural(findings, "finding")})`;
    }
    case "build.start": {
      const { payload } = event;
      const model = payload.model === undefined ? "" : ` (${payload.model})`;
      return `${shortBuild(payload.build, event.workItem)} ${payload.agent}${model} building, attempt ${payload.attempt}`;
    }
    case "build.end":
      return describeBuildEnd(event, agents.get(event.payload.build) ?? "the agent");
    case "suite.ready": {
      const { payload } = event;
      const how = payload.generated ? "generated" : "reused";
      return `suite ${payload.suite} ${how}: ${payload.normal} normal, ${payload.edge} edge, ${payload.malicious} malicious`;
    }
    case "trials.start": {
      const { payload } = event;
      return `${shortBuild(payload.build, event.workItem)} round ${payload.round}: ${plural(payload.scenarios, "scenario")} to run`;
    }
    case "trials.end": {
      const { payload } = event;
      return `${shortBuild(payload.build, event.workItem)} round ${payload.round}: ${plural(payload.trials, "trial")}, ${payload.failed} failed, ${payload.cpuSeconds.toFixed(1)} s CPU`;
    }
    case "gate.verdict": {
      const { payload } = event;
      return `${shortBuild(payload.build, event.workItem)} ${payload.decision}: ${payload.reason}`;
    }
    case "exception.open":
      return `exception ${event.payload.exception} (${event.payload.reason}): ${event.payload.summary}`;
    case "decision.record": {
      const { payload } = event;
      return `${payload.by} decided ${payload.action} on ${payload.exception}: "${payload.reason}"`;
    }
    case "calibration.end": {
      const { payload } = event;
      return `${shortBuild(payload.build, event.workItem)} the gate caught ${payload.caught} of ${plural(payload.mutants, "mutant")} (${percent(payload.lower)}–${percent(payload.upper)})`;
    }
    case "budget.exceeded": {
      const { payload } = event;
      return `${payload.category} budget refused the ${payload.station} station: ${payload.reason}`;
    }
    case "release.start": {
      const { payload } = event;
      return `release ${payload.release} of ${shortBuild(payload.build, event.workItem)} starting on the ${payload.target} target`;
    }
    case "release.end": {
      const { payload } = event;
      const where = payload.address === undefined ? "" : ` at ${payload.address}`;
      return `release ${payload.release} ${payload.state}${where}: ${payload.reason}`;
    }
    case "release.rollback": {
      const { payload } = event;
      const to = payload.to === undefined ? "no previous release" : payload.to;
      return `${payload.by} rolled ${payload.release} back to ${to}: ${payload.reason}`;
    }
    case "incident.open": {
      const { payload } = event;
      const fix = payload.fixItem === undefined ? "" : `; fix item ${payload.fixItem}`;
      return `incident ${payload.incident} on ${payload.release}: ${payload.summary}${fix}`;
    }
  }
}

function describeBuildEnd(event: Extract<LineEvent, { type: "build.end" }>, agent: string): string {
  const { payload } = event;
  const faults =
    payload.injectedFaults === 0 ? "" : `, ${plural(payload.injectedFaults, "fault")} injected`;
  const cost = `(${formatUsd(payload.costMicroUsd)}${faults})`;
  const build = shortBuild(payload.build, event.workItem);
  if (payload.status === "succeeded") {
    const commit = payload.commit === undefined ? "nothing new" : payload.commit.slice(0, 7);
    return `${build} ${agent} built ${commit} ${cost}`;
  }
  const status = payload.status.replace("-", " ");
  const summary = payload.summary === "" ? "" : `: ${payload.summary}`;
  return `${build} ${agent} ${status} ${cost}${summary}`;
}

/** `todo-api-3f9c2a.2.1` → `#2.1` (attempt 2, candidate 1) within its work item's line. */
export function shortBuild(build: string, workItem: string): string {
  return build.startsWith(`${workItem}.`) ? `#${build.slice(workItem.length + 1)}` : build;
}
