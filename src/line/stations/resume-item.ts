/**
 * Enqueueing what an item's station still has to do, from what the store holds: used when a person's
 * decision sends an item back down the line (a raised budget, a changed profile). Keys make it safe to
 * call when some of the jobs are still there.
 */
import type { LineEvent } from "../../contracts/line-event.js";
import type { Build, WorkItem } from "../../contracts/work-item.js";
import { enqueueJob } from "../jobs.js";
import type { LineServices } from "./station-context.js";

export async function resumeItem(context: LineServices, item: WorkItem): Promise<number> {
  const { queue } = context;
  switch (item.state) {
    case "intake":
    case "scenarios":
      await enqueueJob(queue, { station: item.state, payload: { workItem: item.id } });
      return 1;
    case "gate":
      await enqueueJob(queue, {
        station: "gate",
        payload: { workItem: item.id, attempt: item.attempt },
      });
      return 1;
    case "build": {
      const waiting = (await context.store.builds(item.id, item.attempt)).filter(
        (build) => build.state === "building",
      );
      for (const build of waiting) {
        await enqueueJob(queue, {
          station: "build",
          payload: { workItem: item.id, attempt: item.attempt, candidate: build.candidate },
        });
      }
      return waiting.length;
    }
    case "trials": {
      const events = await context.store.events({
        workItem: item.id,
        types: ["trials.start", "trials.end"],
      });
      const waiting = (await context.store.builds(item.id, item.attempt)).filter(
        (build) => build.state === "built" || build.state === "testing",
      );
      for (const build of waiting) {
        const round = nextRound(events, build);
        await enqueueJob(queue, {
          station: "trials",
          payload: { workItem: item.id, build: build.id, round },
        });
      }
      return waiting.length;
    }
    case "deploy":
      if (item.approvedBuild === undefined) return 0;
      await enqueueJob(queue, {
        station: "deploy",
        payload: { workItem: item.id, build: item.approvedBuild },
      });
      return 1;
    default:
      return 0;
  }
}

/** The round a build waiting for trials is in: one started and not ended, else the one after the last. */
export function nextRound(events: readonly LineEvent[], build: Build): number {
  let started = 0;
  let ended = 0;
  for (const event of events) {
    if (event.type === "trials.start" && event.payload.build === build.id) {
      started = Math.max(started, event.payload.round);
    }
    if (event.type === "trials.end" && event.payload.build === build.id) {
      ended = Math.max(ended, event.payload.round);
    }
  }
  if (started > ended) return started;
  return ended === 0 ? 1 : ended + 1;
}
