/**
 * One cycle of the monitor: every live release gets a health check and a sample of its holdout suite
 * replayed against its stable address (a different sample each cycle, its unique values fresh so a
 * scenario can run again and again against one service: monitor/replayable-scenarios.ts). The probes
 * are stored and charged to `monitoring`; the release's sequential SLO test takes them in and says healthy, keep
 * watching, or breach, and a breach is acted on at once (handle-breach.ts).
 */
import type { ProbeResult, Release } from "../../contracts/release.js";
import type { WorkItem } from "../../contracts/work-item.js";
import { resolveProfile } from "../../gate/resolve-profile.js";
import { healthProbe } from "../../monitor/health-probe.js";
import {
  probeCharges,
  probeRunLabel,
  probesEstimateMicroUsd,
} from "../../monitor/probe-charges.js";
import { replayableSuite } from "../../monitor/replayable-scenarios.js";
import { runProbes } from "../../monitor/run-probes.js";
import { sampleScenarios } from "../../monitor/sample-scenarios.js";
import { type SloWatch, watchSlo } from "../../monitor/slo-watch.js";
import { sloTestPlan } from "../../stats/slo-test.js";
import { loadCachedSuite } from "../cache/line-caches.js";
import { loadItemSpec } from "../stations/item-flow.js";
import type { LineServices } from "../stations/station-context.js";
import { type BreachOutcome, handleBreach } from "./handle-breach.js";

export interface ReleaseCheck {
  release: Release;
  item: WorkItem;
  results: ProbeResult[];
  watch: SloWatch;
  breach?: BreachOutcome;
  /** Why the scenario probes did not run this cycle (the monitoring budget refused them). */
  refused?: string;
}

export interface MonitorCycleReport {
  cycle: number;
  at: string;
  checks: ReleaseCheck[];
}

export async function runMonitorCycle(services: LineServices): Promise<MonitorCycleReport> {
  const cycle = await services.store.monitoring.nextCycle();
  const at = services.now().toISOString();
  const checks: ReleaseCheck[] = [];
  for (const release of await services.store.releases.releases({ states: ["live"] })) {
    const item = await services.store.workItem(release.workItem);
    if (item === undefined || release.address === undefined) continue;
    checks.push(await checkRelease(services, release, item, cycle));
  }
  return { cycle, at, checks };
}

async function checkRelease(
  services: LineServices,
  release: Release,
  item: WorkItem,
  cycle: number,
): Promise<ReleaseCheck> {
  const monitoring = services.store.monitoring;
  // The target brings its releases back first if it has to (a restarted host daemon).
  const target = await services.deployment.target();
  const address = (await target.address(release.service)) ?? (release.address as string);
  const request = await services.store.releases.releaseRequest(release.id);
  const common = { release: release.id, cycle, now: services.now, clock: services.clock };
  const health = await healthProbe({
    ...common,
    target: { baseUrl: address },
    healthPath: request.healthPath,
  });
  const probes = await scenarioProbes(services, item, { ...common, address });
  const results = [health, ...probes.results];
  await monitoring.recordProbes(results);
  const profile = resolveProfile(item.profile, services.config);
  const plan = sloTestPlan(profile.slo, services.config.monitor);
  const watch = watchSlo(await monitoring.sloWindow(release.id), results, plan, cycle);
  if (watch.decision !== "breach") {
    await monitoring.setSloWindow(release.id, watch.window);
    const refused = probes.refused === undefined ? {} : { refused: probes.refused };
    return { release, item, results, watch, ...refused };
  }
  await monitoring.clearSloWindow(release.id);
  const breach = await handleBreach(services, release, item, watch, results);
  return { release, item, results, watch, breach };
}

/**
 * The cycle's scenario probes of one release, reserved from the `monitoring` budget first and settled
 * with their measured time. A refused reservation skips them (the health check still runs: it costs
 * next to nothing, and a dead service must still be seen).
 */
async function scenarioProbes(
  services: LineServices,
  item: WorkItem,
  probe: { release: string; cycle: number; address: string; now(): Date; clock(): number },
): Promise<{ results: ProbeResult[]; refused?: string }> {
  if (item.suite === undefined) return { results: [] };
  const count = services.config.monitor.probesPerCycle;
  const reservation = await services.ledger.reserve({
    category: "monitoring",
    amountMicroUsd: probesEstimateMicroUsd(count, services.config.rates),
    workItem: item.id,
    station: "monitor",
    run: probeRunLabel(probe.release, probe.cycle),
  });
  if (!reservation.granted) return { results: [], refused: reservation.refusal.reason };
  try {
    const suite = await loadCachedSuite(services, item.suite);
    const { spec } = await loadItemSpec(services, item);
    const seed = probe.cycle;
    const scenarios = sampleScenarios(replayableSuite(suite, spec, seed), count, seed);
    const run = await runProbes({
      ...probe,
      suite,
      scenarios,
      target: { baseUrl: probe.address },
      sandbox: services.deployment.sandbox,
    });
    const labels = { workItem: item.id, release: probe.release, cycle: probe.cycle };
    const charges = probeCharges({
      cpuSeconds: run.cpuSeconds,
      wallSeconds: run.wallSeconds,
      labels,
    });
    await services.ledger.settle(reservation.reservation.id, charges);
    return { results: run.results };
  } catch (error) {
    await services.ledger.release(reservation.reservation.id);
    throw error;
  }
}
