/**
 * What a breach of the SLO does: roll the release back, record the incident with its evidence (the
 * test's figures, the failing probes, the feedback for a fix), and open a fix work item. A release that
 * was itself a fix is not fixed again: its item goes to the exception queue (`monitor-regression`) for
 * a person, with the incident as evidence.
 */
import type { Incident, ProbeResult, Release } from "../../contracts/release.js";
import type { WorkItem } from "../../contracts/work-item.js";
import { feedbackFromProbes } from "../../monitor/probe-feedback.js";
import type { SloWatch } from "../../monitor/slo-watch.js";
import { escalate, moveItem } from "../stations/item-flow.js";
import type { LineServices } from "../stations/station-context.js";
import { openFixItem } from "./open-fix-item.js";
import { rollBackRelease } from "./roll-back-release.js";

export interface BreachOutcome {
  incident: Incident;
  rolledBackTo?: Release;
  fixItem?: WorkItem;
}

const shownFailures = 10;

export async function handleBreach(
  services: LineServices,
  release: Release,
  item: WorkItem,
  watch: SloWatch,
  results: readonly ProbeResult[],
): Promise<BreachOutcome> {
  const { to } = await rollBackRelease(services, release, { by: "monitor", reason: watch.reason });
  const failing = results.filter((result) => !result.passed);
  const feedback = feedbackFromProbes({
    release: release.id,
    results,
    reason: watch.reason,
  });
  const incident = await services.store.incidents.openIncident({
    service: release.service,
    release: release.id,
    ...(to === undefined ? {} : { rolledBackTo: to.id }),
    workItem: item.id,
    by: "monitor",
    summary: `${release.id} breached the ${item.profile} profile's SLO in production: ${watch.reason}`,
    evidence: { slo: watch.evidence, failing: failing.slice(0, shownFailures), feedback },
  });
  const rolledBack = await moveItem(services, item, {
    from: "live",
    to: "rolled-back",
    reason: `rolled back${to === undefined ? "" : ` to ${to.id}`}: ${watch.reason}`,
  });
  const outcome: BreachOutcome = { incident, ...(to === undefined ? {} : { rolledBackTo: to }) };
  if (item.fixes !== undefined) {
    await escalate(services, rolledBack ?? item, {
      build: release.build,
      reason: "monitor-regression",
      summary: `The fix ${item.id} regressed in production too (${watch.reason}); a person decides`,
      evidence: { incident: incident.id, fixes: item.fixes, slo: watch.evidence },
    });
    return outcome;
  }
  return { ...outcome, fixItem: await openFixItem(services, rolledBack ?? item, incident) };
}
