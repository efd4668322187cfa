/**
 * The factory's configuration file (`shopfloor.config.yaml` or `.json`): quality profiles of the user's
 * own, the default profile, the daily budget and the language models, if any. Everything has a default,
 * so no file is needed.
 */
import { z } from "zod";
import { costCategories, PricesConfig, RatesConfig } from "./cost-event.js";
import { InvalidInputError, problemsFromZod } from "./invalid-input.js";
import {
  CategoryPolicyChange,
  GateMode,
  IntakePolicy,
  IntervalMethodName,
  Probability,
  SloPolicy,
} from "./quality-profile.js";
import { DeployConfig, MonitorConfig } from "./release.js";
import { ScenarioCategory } from "./scenario-category.js";
import { LineUp } from "./work-item.js";
import { parseYamlDocument } from "./yaml-document.js";

/** A profile in the config: its own values, or a built-in one (`extends`) with some values changed. */
export const ProfileDefinition = z.strictObject({
  extends: z.string().min(1).optional(),
  description: z.string().optional(),
  confidence: Probability.optional(),
  method: IntervalMethodName.optional(),
  mode: GateMode.optional(),
  categories: z.partialRecord(ScenarioCategory, CategoryPolicyChange).optional(),
  /** The requirements-lint score a spec needs at intake: `intake: { minimumScore: 80 }`. */
  intake: IntakePolicy.optional(),
  maxAttempts: z.int().min(1).max(20).optional(),
  maxTrialRounds: z.int().min(1).max(20).optional(),
  /** What the monitor holds a live release to: `slo: { errorRate: 0.01, p95LatencyMs: 300 }`. */
  slo: SloPolicy.partial().optional(),
});
export type ProfileDefinition = z.infer<typeof ProfileDefinition>;

const defaultSplit = { inference: 0.3, testing: 0.4, ci: 0.15, monitoring: 0.15 };

export const BudgetConfig = z.strictObject({
  dailyUsd: z.number().positive().default(1000),
  split: z
    .strictObject({
      inference: z.number().min(0).max(1),
      testing: z.number().min(0).max(1),
      ci: z.number().min(0).max(1),
      monitoring: z.number().min(0).max(1),
    })
    .default(defaultSplit)
    .refine(
      (split) =>
        Math.abs(costCategories.reduce((sum, category) => sum + split[category], 0) - 1) < 1e-9,
      "the shares of inference, testing, ci and monitoring must add up to 1",
    ),
  /** IANA time zone of the budget day. */
  timeZone: z
    .string()
    .refine(isTimeZone, "an IANA time zone such as UTC or Europe/Paris")
    .default("UTC"),
  /** Local time (HH:MM) at which the budget day starts; default 00:00. */
  dayStart: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day as HH:MM, such as 06:00")
    .optional(),
  /** A cap on everything one work item may spend over its life; none by default. */
  itemCapUsd: z.number().positive().optional(),
  /** A cap on everything one run (a test run, a build) may spend; none by default. */
  runCapUsd: z.number().positive().optional(),
  /** Percentages of a limit at which a budget alert is recorded; default 50, 80, 100. */
  alertPercents: z.array(z.int().min(1).max(1000)).min(1).optional(),
  /** How long a reservation holds budget if its work never settles (a crashed worker); default 60. */
  reservationMinutes: z.number().positive().optional(),
  /** What a human team costs, for the report's comparison; default $800 and 2 changes a day. */
  humanComparison: z
    .strictObject({
      developerDayUsd: z.number().positive().default(800),
      changesPerDeveloperDay: z.number().positive().default(2),
    })
    .optional(),
});
export type BudgetConfig = z.infer<typeof BudgetConfig>;

function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const modelProviders = ["openai", "anthropic", "openai-compatible"] as const;
export const ModelProvider = z.enum(modelProviders);
export type ModelProvider = z.infer<typeof ModelProvider>;

/**
 * A language model: which provider, which model, and where. Keys come from the environment, never from
 * the file: `apiKeyEnv` names the variable (default OPENAI_API_KEY or ANTHROPIC_API_KEY; none for a local
 * OpenAI-compatible server such as Ollama, vLLM or LM Studio).
 */
export const ModelReference = z
  .strictObject({
    provider: ModelProvider,
    model: z.string().min(1),
    /** Required for openai-compatible, e.g. http://127.0.0.1:11434/v1; optional for the others. */
    baseUrl: z.url().optional(),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "the name of an environment variable")
      .optional(),
  })
  .refine((reference) => reference.provider !== "openai-compatible" || reference.baseUrl, {
    message: "an openai-compatible model needs baseUrl, e.g. http://127.0.0.1:11434/v1",
    path: ["baseUrl"],
  });
export type ModelReference = z.infer<typeof ModelReference>;

/**
 * Models by role: `default`, and any of `scenarios` (the LLM scenario generator), `judge` (the llmJudge
 * assertion), later the stations' agents. A role without its own entry uses `default`.
 */
export const ModelsConfig = z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), ModelReference);
export type ModelsConfig = z.infer<typeof ModelsConfig>;

/**
 * A coding CLI's settings: the program (default: its usual name on PATH), the model, and arguments
 * added after shopfloor's own.
 */
export const CliAgentConfig = z.strictObject({
  binary: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  extraArgs: z.array(z.string()).optional(),
});
export type CliAgentConfig = z.infer<typeof CliAgentConfig>;

/** The agents that write the code; every key is optional, and an agent without one uses its defaults. */
export const AgentsConfig = z.strictObject({
  claude: CliAgentConfig.optional(),
  codex: CliAgentConfig.optional(),
  opencode: CliAgentConfig.optional(),
  gemini: CliAgentConfig.optional(),
  aider: CliAgentConfig.optional(),
  /** Any program of the user's: its argv, e.g. ["./my-agent", "--flag"] (relative to the project). */
  command: z.strictObject({ run: z.array(z.string().min(1)).min(1) }).optional(),
});
export type AgentsConfig = z.infer<typeof AgentsConfig>;

/** How many jobs of each station run at once in one line process. */
export const StationConcurrency = z.strictObject({
  intake: z.int().min(1).max(64).default(4),
  build: z.int().min(1).max(64).default(2),
  scenarios: z.int().min(1).max(64).default(2),
  trials: z.int().min(1).max(64).default(2),
  gate: z.int().min(1).max(64).default(4),
  deploy: z.int().min(1).max(64).default(1),
});

/** The line: which agents build (the line-up; default: the default agent alone) and how much at once. */
export const LineConfig = z.strictObject({
  lineUp: LineUp.optional(),
  concurrency: StationConcurrency.default({
    intake: 4,
    build: 2,
    scenarios: 2,
    trials: 2,
    gate: 4,
    deploy: 1,
  }),
  /** Seeds scenario generation and fault injection, so a line run can be replayed. */
  seed: z.int().nonnegative().default(1),
  /** Wall-clock limit of one agent run. */
  buildMinutes: z.number().positive().default(30),
});
export type LineConfig = z.infer<typeof LineConfig>;

export const Config = z.strictObject({
  defaultProfile: z.string().min(1).default("admin"),
  profiles: z.record(z.string().min(1), ProfileDefinition).default({}),
  budget: BudgetConfig.default({ dailyUsd: 1000, split: defaultSplit, timeZone: "UTC" }),
  /** Model prices that override the bundled price list. */
  prices: PricesConfig.optional(),
  /** Rates of machine time for trials, builds and probes. */
  rates: RatesConfig.optional(),
  models: ModelsConfig.default({}),
  agents: AgentsConfig.default({}),
  line: LineConfig.default(LineConfig.parse({})),
  /** Where approved builds go live: the embedded local target unless told otherwise. */
  deploy: DeployConfig.default(DeployConfig.parse({})),
  /** How often live releases are probed, and how sure a breach must be before a rollback. */
  monitor: MonitorConfig.default(MonitorConfig.parse({})),
});
export type Config = z.infer<typeof Config>;

export const defaultConfig: Config = Config.parse({});

/** The config file in a factory home, read when the project has none: `<home>/config.yaml`. */
export const homeConfigFileName = "config.yaml";

/** Parses a config file's text (YAML, of which JSON is a subset); problems name the line and field. */
export function parseConfig(text: string, source: string): Config {
  const document = parseYamlDocument(text);
  if (!document.ok) {
    throw new InvalidInputError(source, [
      { line: document.line, field: "(syntax)", message: document.message },
    ]);
  }
  const parsed = Config.safeParse(document.value ?? {});
  if (parsed.success) return parsed.data;
  throw new InvalidInputError(source, problemsFromZod(parsed.error, document.lineOf));
}

/** The model configured for a role, or the default model, or none: the factory then works offline. */
export function modelFor(config: Config, role: string): ModelReference | undefined {
  return config.models[role] ?? config.models.default;
}
