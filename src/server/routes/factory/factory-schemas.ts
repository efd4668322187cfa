/**
 * The factory area's schemas: the agents and the line-up (what `shopfloor agents list` shows, and the
 * config's `line.lineUp`), the holdout suites (`shopfloor scenarios list/show`, `freeze`/`unfreeze`
 * and `diff`) and the release host daemon's status (`shopfloor host --status`). Answers the code
 * already types are checked against those types with `satisfies`. Browser-safe: the dashboard imports
 * these. Calibrations are in calibration-schemas.ts.
 */
import { z } from "@hono/zod-openapi";
import type { SuiteHeader } from "../../../contracts/scenario.js";
import { Scenario, SuiteProvenance, TargetKind } from "../../../contracts/scenario.js";
import { ScenarioCategory } from "../../../contracts/scenario-category.js";
import { LineUp } from "../../../contracts/work-item.js";
import type { HostedRelease, HostedService } from "../../../deploy/local/release-host.js";
import type { SuiteDiff } from "../../../scenarios/store/suite-diff.js";
import type { StoredVersion } from "../../../scenarios/store/suite-store.js";
import { namedSchema } from "../named-schema.js";

/** The contract's own options, so what the API accepts is exactly what the config file holds. */
export const LineUpSchema = z.discriminatedUnion("pattern", LineUp.options).openapi("LineUp");

export const AgentEntry = z
  .strictObject({
    /** The name a line-up uses: llm, scaffold, claude, codex, opencode, gemini, aider, command. */
    name: z.string(),
    description: z.string(),
    /** Whether it can run on the server's machine. */
    available: z.boolean(),
    /** The program or model it would use, or what to install or configure first. */
    detail: z.string(),
  })
  .openapi("Agent");
export type AgentEntry = z.infer<typeof AgentEntry>;

export const AgentsAnswer = z
  .strictObject({
    agents: z.array(AgentEntry),
    /** The agent that builds alone when the config has no line-up. */
    defaultAgent: z.string(),
    /** The line-up new submissions get: the config's, else the default agent alone. */
    lineUp: LineUpSchema,
    /** Whether the config sets the line-up (`line.lineUp`). */
    configured: z.boolean(),
    /** Agents the line-up names that cannot run here (a config edited by hand): their builds fail. */
    unavailable: z.array(z.string()),
    /** The config file a line-up is saved to. */
    configPath: z.string(),
  })
  .openapi("Agents");
export type AgentsAnswer = z.infer<typeof AgentsAnswer>;

export const SaveLineUpRequest = z
  .strictObject({
    /** The line-up, or null to remove it (the default agent builds alone). */
    lineUp: LineUpSchema.nullable(),
  })
  .openapi("SaveLineUpRequest");

/** `todo-api` or `todo-api@3f2a`: a stored suite's name, its current version unless one is given. */
const SuiteReference = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*(@[0-9a-f]+)?$/,
    "a suite's name, or NAME@VERSION (such as todo-api@3f2a)",
  );

const SuiteName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, "a suite's name: lower-case letters, digits and dashes");

/** A version of a suite, or a prefix only it has: at least four characters, as on the command line. */
const VersionPrefix = z
  .string()
  .regex(/^[0-9a-f]{4,}$/, "a suite version, or at least its first 4 characters (such as 3f2a)");

export const SuitesQuery = z.strictObject({
  name: SuiteName.optional().openapi({
    description: "Only this suite's versions",
    example: "todo-api",
  }),
});

export const SuiteParams = z.strictObject({
  suite: SuiteReference.openapi({
    param: { name: "suite", in: "path" },
    example: "todo-api",
  }),
});

/** Freezing and comparing versions name the suite alone; the versions are in the body or query. */
export const SuiteNameParams = z.strictObject({
  suite: SuiteName.openapi({ param: { name: "suite", in: "path" }, example: "todo-api" }),
});

export const FreezeSuiteRequest = z
  .strictObject({
    version: VersionPrefix.optional().openapi({
      description: "The version to make current and frozen; default the current one",
      example: "3f2a",
    }),
  })
  .openapi("FreezeSuiteRequest");

export const SuiteDiffQuery = z.strictObject({
  from: VersionPrefix.optional().openapi({
    description: "The earlier version; default the one `to` extends",
  }),
  to: VersionPrefix.optional().openapi({ description: "The later version; default the current" }),
});

/** What `shopfloor scenarios diff` gives: scenario ids added, removed and changed from one version to the other. */
export const SuiteDiffSchema = z
  .strictObject({
    /** `NAME@VERSION`, the version in full. */
    from: z.string(),
    to: z.string(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    /** Same id, any field different (steps and assertions included). */
    changed: z.array(z.string()),
    unchanged: z.int().nonnegative(),
  })
  .openapi("SuiteDiff") satisfies z.ZodType<SuiteDiff>;

export const ScenarioParams = SuiteParams.extend({
  scenario: z
    .string()
    .min(1)
    .openapi({ param: { name: "scenario", in: "path" }, example: "create-todo" }),
});

export const StoredSuite = z
  .strictObject({
    name: z.string(),
    version: z.string(),
    createdAt: z.string(),
    /** The version it extends. */
    parent: z.string().optional(),
    spec: z.strictObject({ name: z.string(), hash: z.string() }).optional(),
    counts: z.record(ScenarioCategory, z.int().nonnegative()),
    scenarioCount: z.int().nonnegative(),
    /** The version a new work item of the spec is judged by. */
    current: z.boolean(),
    /** Current and frozen: new versions are refused until it is unfrozen. */
    frozen: z.boolean(),
    /** The stored suite.yaml, in the factory home. */
    file: z.string(),
  })
  .openapi("StoredSuite") satisfies z.ZodType<StoredVersion>;

export const SuiteList = z.strictObject({ suites: z.array(StoredSuite) }).openapi("SuiteList");

const SuiteHeaderSchema = z
  .strictObject({
    name: z.string(),
    version: z.string(),
    target: TargetKind,
    description: z.string().optional(),
    defaults: z.strictObject({
      timeoutMs: z.int().positive(),
      repeat: z.int().positive(),
      headers: z.record(z.string(), z.string()),
      command: z.array(z.string()).optional(),
      module: z.string().optional(),
    }),
    criteria: z.array(z.strictObject({ id: z.string(), text: z.string() })).optional(),
    generated: namedSchema(SuiteProvenance, "SuiteProvenance").optional(),
  })
  .openapi("SuiteHeader") satisfies z.ZodType<SuiteHeader>;

/** A scenario as `scenarios show` lists it: what it checks, not its steps. */
const ScenarioSummary = z.strictObject({
  id: z.string(),
  category: ScenarioCategory,
  title: z.string(),
  tags: z.array(z.string()),
  /** The acceptance criteria it shows, by id. */
  covers: z.array(z.string()),
  steps: z.int().positive(),
  repeat: z.int().positive().optional(),
});

export const SuiteAnswer = z
  .strictObject({
    stored: StoredSuite,
    header: SuiteHeaderSchema,
    /** Each acceptance criterion of the spec and the scenarios that cover it (none: a warning). */
    coverage: z.array(
      z.strictObject({ id: z.string(), text: z.string(), scenarios: z.array(z.string()) }),
    ),
    scenarios: z.array(ScenarioSummary),
  })
  .openapi("Suite");
export type SuiteAnswer = z.infer<typeof SuiteAnswer>;

export const ScenarioSchema = namedSchema(Scenario, "Scenario");

const Endpoint = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("unix"), socketPath: z.string() }),
  z.strictObject({ kind: z.literal("tcp"), host: z.string(), port: z.int() }),
]);

const TrafficShare = z.strictObject({ release: z.string(), share: z.number().min(0).max(1) });

const HostedServiceSchema = z
  .strictObject({
    service: z.string(),
    /** The stable address, e.g. http://127.0.0.1:41234. */
    address: z.string(),
    port: z.int(),
    /** Where its traffic goes; none: the address answers 503. */
    shares: z.array(TrafficShare),
  })
  .openapi("HostedService") satisfies z.ZodType<HostedService>;

const HostedReleaseSchema = z
  .strictObject({
    release: z.string(),
    service: z.string(),
    state: z.enum(["starting", "running", "restarting", "stopped"]),
    endpoint: z.strictObject({ baseUrl: z.string(), endpoint: Endpoint.optional() }),
    restarts: z.int().nonnegative(),
    share: z.number().min(0).max(1),
    traffic: z.strictObject({
      requests: z.int().nonnegative(),
      errors: z.int().nonnegative(),
      recentLatenciesMs: z.array(z.number()),
    }),
    recentOutput: z.array(z.string()),
  })
  .openapi("HostedRelease") satisfies z.ZodType<HostedRelease>;

export const HostAnswer = z
  .strictObject({
    /** Whether the home's host daemon answers on its control socket. */
    running: z.boolean(),
    socket: z.string(),
    /** The daemon's output. */
    logFile: z.string(),
    pid: z.int().optional(),
    services: z.array(HostedServiceSchema),
    releases: z.array(HostedReleaseSchema),
  })
  .openapi("Host");
export type HostAnswer = z.infer<typeof HostAnswer>;
