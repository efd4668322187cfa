/**
 * The scenarios station: the item's holdout suite. An item that has one keeps it; a spec whose suite
 * is frozen in the store is judged by that version; otherwise the suite is generated from the spec and
 * saved as a new version (the same spec and seed give the same version). Then `suite.ready`, the item
 * moves to the trials with `suite = NAME@VERSION`, and each built candidate's trials are enqueued.
 */
import { ShopfloorError } from "../../contracts/errors.js";
import type { WorkItem } from "../../contracts/work-item.js";
import { enqueueJob, parseJobPayload } from "../jobs.js";
import { generateHoldoutSuite } from "./holdout-suite.js";
import { loadItemSpec, moveItem } from "./item-flow.js";
import type { JobContext } from "./station-context.js";

export async function scenariosStation(payload: unknown, context: JobContext): Promise<void> {
  const { workItem } = parseJobPayload("scenarios", payload);
  const item = await context.store.workItem(workItem);
  if (item === undefined || item.state !== "scenarios") return;
  const { reference, generated } = await suiteOf(context, item);
  const stored = await context.suites.resolve(reference);
  const events = await context.store.events({ workItem, types: ["suite.ready"] });
  const announced = events.some(
    (event) => event.type === "suite.ready" && event.payload.suite === reference,
  );
  if (!announced) {
    await context.store.appendEvent(workItem, "suite.ready", {
      suite: reference,
      ...stored.counts,
      generated,
    });
  }
  const moved = await moveItem(context, item, {
    from: "scenarios",
    to: "trials",
    suite: reference,
    reason: `suite ${reference}: ${stored.scenarioCount} scenarios`,
  });
  if (moved === undefined) return;
  const builds = await context.store.builds(workItem, item.attempt);
  for (const build of builds.filter(
    (each) => each.state !== "failed" && each.state !== "building",
  )) {
    await enqueueJob(context.queue, {
      station: "trials",
      payload: { workItem, build: build.id, round: 1 },
    });
  }
}

async function suiteOf(
  context: JobContext,
  item: WorkItem,
): Promise<{ reference: string; generated: boolean }> {
  if (item.suite !== undefined) return { reference: item.suite, generated: false };
  // The item's name is its spec's: the spec is read only when a suite has to be generated from it.
  const frozen = await frozenVersion(context, item.name);
  if (frozen !== undefined) return { reference: frozen, generated: false };
  const { spec } = await loadItemSpec(context, item);
  const suite = await generateHoldoutSuite({
    spec,
    config: context.config,
    environment: context.environment,
    ledger: context.ledger,
    workItem: item.id,
    signal: context.signal,
  });
  const stored = await context.suites.save({ header: suite.header, scenarios: suite.scenarios });
  return { reference: `${stored.name}@${stored.version}`, generated: true };
}

/** The version a person froze the spec's suite at, if they did: the line is judged by it. */
async function frozenVersion(context: JobContext, name: string): Promise<string | undefined> {
  try {
    const current = await context.suites.resolve(name);
    return current.frozen ? `${current.name}@${current.version}` : undefined;
  } catch (error) {
    if (error instanceof ShopfloorError && error.code === "not-found") return undefined;
    throw error;
  }
}
