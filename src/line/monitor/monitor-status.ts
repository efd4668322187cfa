/**
 * What the monitor knows of each live release, for the console: the SLO it is held to, the sequential
 * test's window so far and what the test says of it, and the probes of the last cycle that reached it.
 * A read of the store only: nothing is probed.
 */
import type { ProbeResult, Release } from "../../contracts/release.js";
import { resolveProfile } from "../../gate/resolve-profile.js";
import {
  type SloTestPlan,
  type SloVerdict,
  sloDecision,
  sloTestPlan,
} from "../../stats/slo-test.js";
import type { LineServices } from "../stations/station-context.js";
import type { SloWindow } from "../store/monitor-records.js";

/** `unprobed`: no cycle has reached the release yet; else the SLO test's verdict on its window. */
export type MonitorWatchState = "unprobed" | SloVerdict;

export interface MonitorCycleSummary {
  cycle: number;
  /** When its first probe of the release ran. */
  at: string;
  probes: number;
  failures: number;
}

export interface ReleaseMonitorStatus {
  release: Release;
  /** The work item's quality profile, whose SLO the release is held to. */
  profile: string;
  /** The SLO test's plan; absent when the profile is not in the config any more. */
  slo?: SloTestPlan;
  state: MonitorWatchState;
  /** One sentence: what the window shows and what the test concluded. */
  reason: string;
  /** The probes counted since the window started (a healthy verdict starts a new one). */
  window?: SloWindow;
  lastCycle?: MonitorCycleSummary;
  /** The last cycle's probes of the release, the health check first. */
  lastProbes: ProbeResult[];
}

export interface MonitorStatus {
  /** The monitor's settings: how often it probes and how many scenarios per release and cycle. */
  intervalSeconds: number;
  probesPerCycle: number;
  /** Every live release, newest first. */
  releases: ReleaseMonitorStatus[];
}

export async function monitorStatus(services: LineServices): Promise<MonitorStatus> {
  const releases: ReleaseMonitorStatus[] = [];
  for (const release of await services.store.releases.releases({ states: ["live"] })) {
    releases.push(await releaseStatus(services, release));
  }
  const { intervalSeconds, probesPerCycle } = services.config.monitor;
  return { intervalSeconds, probesPerCycle, releases };
}

async function releaseStatus(
  services: LineServices,
  release: Release,
): Promise<ReleaseMonitorStatus> {
  const monitoring = services.store.monitoring;
  const item = await services.store.requireWorkItem(release.workItem);
  const [latest] = await monitoring.probes({ release: release.id, limit: 1 });
  const lastProbes =
    latest === undefined
      ? []
      : (await monitoring.probes({ release: release.id, cycle: latest.cycle })).reverse();
  const window = await monitoring.sloWindow(release.id);
  const slo = planOf(services, item.profile);
  const base = {
    release,
    profile: item.profile,
    ...(slo.plan === undefined ? {} : { slo: slo.plan }),
    ...(window === undefined ? {} : { window }),
    lastProbes,
  };
  if (latest === undefined) {
    return {
      ...base,
      state: "unprobed",
      reason: "no monitor cycle has probed it yet (`shopfloor monitor` runs them)",
    };
  }
  const lastCycle: MonitorCycleSummary = {
    cycle: latest.cycle,
    at: lastProbes[0]?.at ?? latest.at,
    probes: lastProbes.length,
    failures: lastProbes.filter((probe) => !probe.passed).length,
  };
  const counted = window ?? { startedCycle: latest.cycle, probes: 0, failures: 0, slow: 0 };
  if (counted.probes === 0) {
    // The watch starts an empty window after a healthy verdict; the verdict's figures are not kept.
    return {
      ...base,
      lastCycle,
      state: "healthy",
      reason: `the window that ended at cycle ${counted.startedCycle} kept the SLO; a new window starts with the next cycle`,
    };
  }
  if (slo.plan === undefined) {
    return { ...base, lastCycle, state: "watching", reason: slo.problem };
  }
  const decision = sloDecision(slo.plan, counted);
  return { ...base, lastCycle, state: decision.decision, reason: decision.reason };
}

function planOf(
  services: LineServices,
  profile: string,
): { plan: SloTestPlan; problem?: undefined } | { plan?: undefined; problem: string } {
  try {
    return {
      plan: sloTestPlan(resolveProfile(profile, services.config).slo, services.config.monitor),
    };
  } catch (error) {
    return { problem: `its SLO cannot be tested: ${(error as Error).message}` };
  }
}
