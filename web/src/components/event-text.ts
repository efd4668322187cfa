/**
 * A line event in one sentence a person reads in a feed or a timeline ("build todo-api-3f.2.1 by
 * scaffold: succeeded, $0.0120"). The event registry (src/contracts/line-event.ts) is the source; every
 * type has a sentence here, so a new type fails the build until it gets one.
 */
import type { LineEvent } from "../../../src/contracts/line-event.js";
import { formatMicroUsd } from "./money.js";

export function describeEvent(event: LineEvent): string {
  switch (event.type) {
    case "work-item.create":
      return `created ${event.payload.name} on profile ${event.payload.profile}${event.payload.parent === undefined ? "" : ` (continues ${event.payload.parent})`}`;
    case "work-item.transition":
      return `${event.payload.from} → ${event.payload.to}: ${event.payload.reason}`;
    case "intake.end":
      return `lint score ${event.payload.score} (minimum ${event.payload.minimumScore}), ${event.payload.findings} finding(s)`;
    case "build.start":
      return `build ${event.payload.build} started: ${event.payload.agent}${event.payload.model === undefined ? "" : ` (${event.payload.model})`}`;
    case "build.end":
      return `build ${event.payload.build} ${event.payload.status}, ${formatMicroUsd(event.payload.costMicroUsd)}${event.payload.injectedFaults > 0 ? `, ${event.payload.injectedFaults} injected fault(s)` : ""}`;
    case "suite.ready":
      return `suite ${event.payload.suite} ${event.payload.generated ? "generated" : "reused"}: ${event.payload.normal} normal, ${event.payload.edge} edge, ${event.payload.malicious} malicious`;
    case "trials.start":
      return `trials of ${event.payload.build}, round ${event.payload.round}: ${event.payload.scenarios} scenarios`;
    case "trials.end":
      return `trials of ${event.payload.build}, round ${event.payload.round}: ${event.payload.trials} run, ${event.payload.failed} failed`;
    case "gate.verdict":
      return `gate on ${event.payload.build}: ${event.payload.decision}, ${event.payload.reason}`;
    case "exception.open":
      return `exception ${event.payload.exception} (${event.payload.reason}): ${event.payload.summary}`;
    case "decision.record":
      return `${event.payload.by} decided ${event.payload.action} on ${event.payload.exception}: ${event.payload.reason}`;
    case "calibration.end":
      return `calibration of ${event.payload.build}: caught ${event.payload.caught} of ${event.payload.mutants} injected faults`;
    case "release.start":
      return `release ${event.payload.release} of ${event.payload.build} starting on ${event.payload.target}`;
    case "release.end":
      return `release ${event.payload.release} ${event.payload.state}: ${event.payload.reason}`;
    case "release.rollback":
      return `release ${event.payload.release} rolled back${event.payload.to === undefined ? "" : ` to ${event.payload.to}`} by ${event.payload.by}: ${event.payload.reason}`;
    case "incident.open":
      return `incident ${event.payload.incident} on ${event.payload.release}: ${event.payload.summary}`;
    case "budget.exceeded":
      return `budget for ${event.payload.category} reached at ${event.payload.station}: ${event.payload.reason}`;
  }
}

/** The state an event is good or bad news for, for its badge colour. */
export function eventTone(event: LineEvent): string {
  switch (event.type) {
    case "work-item.transition":
      return event.payload.to;
    case "gate.verdict":
      return event.payload.decision;
    case "build.end":
      return event.payload.status === "succeeded" ? "pass" : "fail";
    case "release.end":
      return event.payload.state;
    case "exception.open":
    case "incident.open":
    case "budget.exceeded":
    case "release.rollback":
      return "bad";
    default:
      return "neutral";
  }
}
