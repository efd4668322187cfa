/**
 * Releases, their deployment and their watch: what an approved build becomes after the gate. A release
 * is one build started behind its service's stable address; the deploy settings say where (the embedded
 * `local` target or the user's own scripts) and whether a canary goes first; the monitor settings say
 * how often the live releases are probed; a profile's SLO says what the probes must show. An incident is
 * a breach the monitor acted on.
 */
import { z } from "zod";
import { Probability } from "./quality-profile.js";

export const releaseStates = [
  /** Started, not yet through its health check and smoke sample. */
  "starting",
  /** Taking a share of the traffic while probes compare it with the live release. */
  "canary",
  /** Taking all of its service's traffic. */
  "live",
  /** The previous live release, still running (local target) for an instant rollback. */
  "standby",
  /** Stopped for good after a newer release went live. */
  "retired",
  /** Did not pass its health check, its smoke sample or its canary; never took all the traffic. */
  "failed",
  /** Was live, and was rolled back (by the monitor or a person). */
  "rolled-back",
] as const;
export const ReleaseState = z.enum(releaseStates);
export type ReleaseState = z.infer<typeof ReleaseState>;

export const Release = z.strictObject({
  /** `<service>-r<number>`, e.g. `inventory-api-r3`. */
  id: z.string().min(1),
  /** The spec's name: one stable address per service. */
  service: z.string().min(1),
  /** 1, 2, 3… per service. */
  number: z.int().positive(),
  workItem: z.string().min(1),
  build: z.string().min(1),
  commit: z.string().min(1),
  /** The deploy target's name: `local` or `command`. */
  target: z.string().min(1),
  state: ReleaseState,
  /** The stable address users and probes reach the service at, once known. */
  address: z.string().optional(),
  /** Why it failed or was rolled back, in one sentence. */
  reason: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  liveAt: z.string().optional(),
  endedAt: z.string().optional(),
});
export type Release = z.infer<typeof Release>;

/**
 * The embedded target: each release a sandboxed local process behind a reverse proxy shopfloor runs.
 * The stable addresses listen on loopback (127.0.0.1) only.
 */
export const LocalTargetConfig = z.strictObject({
  kind: z.literal("local"),
  /** The first stable port to give a service (the next free one from here); 0 for any free port. */
  basePort: z.int().min(0).max(65_535).default(0),
});

/**
 * The user's own deploy tooling: argv run from the project folder with the release's data in the
 * environment (SHOPFLOOR_RELEASE, SHOPFLOOR_SERVICE, SHOPFLOOR_COMMIT, SHOPFLOOR_DIRECTORY…). The deploy
 * script puts the release live (it does its own switch, e.g. a Kubernetes rollout); the rollback script
 * puts SHOPFLOOR_ROLLBACK_TO back. `address` is where the service answers (what probes use), or the
 * deploy script prints it as its last line of output.
 */
export const CommandTargetConfig = z.strictObject({
  kind: z.literal("command"),
  deploy: z.array(z.string().min(1)).min(1),
  rollback: z.array(z.string().min(1)).min(1),
  address: z.url().optional(),
  timeoutSeconds: z.number().positive().default(600),
});

export const DeployTargetConfig = z.discriminatedUnion("kind", [
  LocalTargetConfig,
  CommandTargetConfig,
]);
export type DeployTargetConfig = z.infer<typeof DeployTargetConfig>;

/** Canary: a share of the traffic to the new release until a sequential test decides. */
export const CanaryConfig = z.strictObject({
  share: z.number().gt(0).lt(1).default(0.1),
  /** Probes per round against each of the two releases. */
  probesPerRound: z.int().positive().default(10),
  /** Rounds before an undecided canary is reverted (not proven good is not good enough). */
  maxRounds: z.int().positive().default(20),
});
export type CanaryConfig = z.infer<typeof CanaryConfig>;

export const DeployConfig = z.strictObject({
  /** Whether approved builds are deployed at all; off, the line stops at `approved`. */
  enabled: z.boolean().default(true),
  target: DeployTargetConfig.default({ kind: "local", basePort: 0 }),
  /** Scenarios of the suite run against a new release before it takes traffic (ones it passed in trials). */
  smokeScenarios: z.int().min(0).max(200).default(8),
  /** How long a new release has to answer its health path. */
  healthTimeoutSeconds: z.number().positive().default(30),
  canary: CanaryConfig.optional(),
});
export type DeployConfig = z.infer<typeof DeployConfig>;

/**
 * The monitor: every `intervalSeconds`, a health check and `probesPerCycle` scenarios of the holdout
 * suite against each live release's stable address. The SLO test's error rates: `alpha` is the chance
 * a release that meets its SLO is rolled back by one test, `beta` the chance one failing at `breachFactor`
 * times the SLO's rates is not caught by it.
 */
export const MonitorConfig = z.strictObject({
  intervalSeconds: z.number().positive().default(60),
  probesPerCycle: z.int().positive().max(500).default(10),
  alpha: Probability.default(0.01),
  beta: Probability.default(0.05),
  breachFactor: z.number().gt(1).default(5),
});
export type MonitorConfig = z.infer<typeof MonitorConfig>;

/** One probe: a scenario (or the health check) replayed against a live release. */
export const ProbeResult = z.strictObject({
  release: z.string().min(1),
  cycle: z.int().positive(),
  /** The scenario's id, or `health` for the health check. */
  scenario: z.string().min(1),
  title: z.string(),
  passed: z.boolean(),
  latencyMs: z.number().nonnegative(),
  /** What failed, when it did. */
  error: z.string().optional(),
  at: z.string(),
});
export type ProbeResult = z.infer<typeof ProbeResult>;

/** A breach the monitor acted on (or a person's rollback): what it saw and what it did. */
export const Incident = z.strictObject({
  id: z.string().min(1),
  service: z.string().min(1),
  /** The release that breached. */
  release: z.string().min(1),
  /** The release traffic went back to, when there was one. */
  rolledBackTo: z.string().optional(),
  workItem: z.string().min(1),
  /** The fix work item opened for it (monitor incidents only). */
  fixItem: z.string().optional(),
  /** `monitor` or the person who rolled back. */
  by: z.string().min(1),
  summary: z.string().min(1),
  /** The sequential test's figures and the failing probes. */
  evidence: z.record(z.string(), z.unknown()),
  openedAt: z.string(),
});
export type Incident = z.infer<typeof Incident>;
