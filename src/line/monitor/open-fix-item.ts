/**
 * The fix work item a production incident opens: the regressed item's spec, profile and line-up (with
 * any injected faults taken out: a fix is built clean), its parent the regressed item and `fixes` the
 * incident, whose evidence carries the feedback (the failing probes, never the suite's steps) its first
 * build is given. It goes down the whole line: intake, build, trials, gate, deploy.
 */
import type { Incident } from "../../contracts/release.js";
import type { LineUp, LineUpAgent, WorkItem } from "../../contracts/work-item.js";
import { enqueueJob } from "../jobs.js";
import type { LineServices } from "../stations/station-context.js";

export async function openFixItem(
  services: LineServices,
  parent: WorkItem,
  incident: Incident,
): Promise<WorkItem> {
  const item = await services.store.createWorkItem({
    name: parent.name,
    specPath: parent.specPath,
    specHash: parent.specHash,
    profile: parent.profile,
    lineUp: withoutFaults(parent.lineUp),
    parent: parent.id,
    fixes: incident.id,
  });
  await services.store.incidents.setIncidentFixItem(incident.id, item.id);
  await enqueueJob(services.queue, { station: "intake", payload: { workItem: item.id } });
  return item;
}

export function withoutFaults(lineUp: LineUp): LineUp {
  const clean = ({ faults: _faults, ...agent }: LineUpAgent): LineUpAgent => agent;
  switch (lineUp.pattern) {
    case "single":
      return { ...lineUp, agent: clean(lineUp.agent) };
    case "best-of":
    case "fallback":
      return { ...lineUp, agents: lineUp.agents.map(clean) };
  }
}
