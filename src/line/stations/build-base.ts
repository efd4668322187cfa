/**
 * Where a regeneration starts from: the commit of the previous attempt's candidate closest to approval
 * (the one whose feedback the agent is given), so a coding agent fixes what the gate found instead of
 * starting over. The first attempt, or one after an attempt with nothing built, starts from the
 * repository's first commit.
 */
import type { WorkItem } from "../../contracts/work-item.js";
import { feedbackCandidate } from "../trials/best-candidate.js";
import type { LineServices } from "./station-context.js";

export async function baseCommitFor(
  context: LineServices,
  item: WorkItem,
): Promise<string | undefined> {
  if (item.attempt <= 1) return undefined;
  const previous = await context.store.builds(item.id, item.attempt - 1);
  const built = previous.filter((build) => build.state !== "failed" && build.run !== undefined);
  const judged = built.flatMap((build) =>
    build.verdict === undefined
      ? []
      : [{ build: build.id, verdict: build.verdict, costMicroUsd: costOf(build.run) }],
  );
  const chosen = feedbackCandidate(judged);
  const build = built.find((each) => each.id === chosen) ?? built[0];
  return build?.run?.commit ?? build?.branch;
}

function costOf(run: { reportedCostMicroUsd?: number; computedCostMicroUsd?: number } | undefined) {
  return run?.reportedCostMicroUsd ?? run?.computedCostMicroUsd ?? 0;
}
