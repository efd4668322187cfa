/**
 * The agents shopfloor can run, as a plain list: each with its name, what it is, how to tell whether
 * it can run on this machine (and if not, what to install or configure), and how to create it from the
 * config and the I/O it is given. `availableAgents` is what `shopfloor agents list` shows.
 */
import type { Config } from "../contracts/config.js";
import { modelFor } from "../contracts/config.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import type { Sandbox } from "../runners/sandbox/sandbox.js";
import type { Agent, AgentAvailability } from "./agent.js";
import { aiderDefinition, createAiderAgent } from "./cli/aider-agent.js";
import { claudeDefinition, createClaudeAgent } from "./cli/claude-agent.js";
import type { CliAgentOptions } from "./cli/cli-agent.js";
import { codexDefinition, createCodexAgent } from "./cli/codex-agent.js";
import { commandDefinition, createCommandAgent } from "./cli/command-agent.js";
import { createGeminiAgent, geminiDefinition } from "./cli/gemini-agent.js";
import { createOpencodeAgent, opencodeDefinition } from "./cli/opencode-agent.js";
import type { CliAgentDefinition } from "./cli/output-reader.js";
import { programVersion } from "./cli/program-version.js";
import { findExecutable } from "./process/find-executable.js";

export type Environment = Readonly<Record<string, string | undefined>>;

/** What creating an agent needs from the outside world. */
export interface AgentIo {
  /** The agents' environment: PATH, HOME, API keys. */
  environment: Environment;
  /** The project: what relative paths in the config (agents.command.run) are relative to. */
  projectFolder: string;
  now(): number;
  /** Where the llm and scaffold agents run commands. */
  sandbox: Sandbox;
  fetch?: typeof fetch;
}

export interface AvailabilityOptions {
  /** What relative paths in the config are relative to; default: this process's working directory. */
  projectFolder?: string;
  /** Whether to run `<program> --version` for the detail; default true. */
  askVersion?: boolean;
}

export interface AgentAdapter {
  name: string;
  description: string;
  availability(
    config: Config,
    environment: Environment,
    options?: AvailabilityOptions,
  ): Promise<AgentAvailability>;
  create(config: Config, io: AgentIo): Promise<Agent>;
}

type CliName = "claude" | "codex" | "opencode" | "gemini" | "aider";

function cliAdapter(
  name: CliName,
  definition: CliAgentDefinition,
  description: string,
  create: (options: CliAgentOptions) => Agent,
): AgentAdapter {
  return {
    name,
    description,
    availability: (config, environment, options = {}) => {
      const settings = config.agents[name];
      const detail = settings?.model === undefined ? "" : `, model ${settings.model}`;
      return programAvailability(definition, settings?.binary, environment, options, detail);
    },
    create: async (config, io) => {
      const settings = config.agents[name] ?? {};
      return create({
        ...settings,
        environment: io.environment,
        now: io.now,
        prices: config.prices,
      });
    },
  };
}

async function programAvailability(
  definition: CliAgentDefinition,
  binary: string | undefined,
  environment: Environment,
  options: AvailabilityOptions,
  extra = "",
): Promise<AgentAvailability> {
  const program = binary ?? definition.defaultBinary;
  const executable = findExecutable(program, environment, options.projectFolder ?? process.cwd());
  if (executable === undefined) {
    return {
      name: definition.name,
      available: false,
      detail: `${program} not found${program.includes("/") ? "" : " on PATH"}: ${definition.installHint}`,
    };
  }
  const version =
    options.askVersion === false ? undefined : await programVersion(executable, environment);
  const versionText = version === undefined ? "" : ` (${version})`;
  return { name: definition.name, available: true, detail: `${executable}${versionText}${extra}` };
}

const defaultKeyVariables: Record<string, string | undefined> = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
};

export const agentAdapters: readonly AgentAdapter[] = [
  {
    name: "llm",
    description:
      "the built-in coding agent: a configured model working through file and command tools",
    availability: async (config, environment) => {
      const reference = modelFor(config, "build");
      if (reference === undefined) {
        return {
          name: "llm",
          available: false,
          detail: "no model configured: set models.build (or models.default) in the config",
        };
      }
      const label = `${reference.provider}/${reference.model}`;
      const key = reference.apiKeyEnv ?? defaultKeyVariables[reference.provider];
      if (key !== undefined && !environment[key]) {
        return { name: "llm", available: false, detail: `${label}: ${key} is not set` };
      }
      const role = config.models.build === undefined ? "models.default" : "models.build";
      return { name: "llm", available: true, detail: `${label} (${role})` };
    },
    create: async (config, io) => {
      const reference = modelFor(config, "build");
      if (reference === undefined) {
        throw new InvalidArgumentError(
          "the llm agent needs a model: set models.build (or models.default) in the config",
          "models",
        );
      }
      const [{ LlmAgent }, { createLanguageModel }] = await Promise.all([
        import("./llm/llm-agent.js"),
        import("../models/create-language-model.js"),
      ]);
      return new LlmAgent({
        model: createLanguageModel(reference, io.environment, io.fetch),
        modelName: `${reference.provider}/${reference.model}`,
        sandbox: io.sandbox,
        now: io.now,
        ...(config.prices === undefined ? {} : { prices: config.prices }),
      });
    },
  },
  {
    name: "scaffold",
    description:
      "the offline agent: a service built from the spec's model, without any model or network",
    availability: async () => ({
      name: "scaffold",
      available: true,
      detail: "offline: builds from the spec's model, needs no model or network",
    }),
    create: async (_config, io) => {
      const { ScaffoldAgent } = await import("./scaffold/scaffold-agent.js");
      return new ScaffoldAgent({ now: io.now });
    },
  },
  cliAdapter("claude", claudeDefinition, "Claude Code, headless (claude -p)", createClaudeAgent),
  cliAdapter("codex", codexDefinition, "OpenAI Codex, headless (codex exec)", createCodexAgent),
  cliAdapter(
    "opencode",
    opencodeDefinition,
    "opencode, headless (opencode run)",
    createOpencodeAgent,
  ),
  cliAdapter("gemini", geminiDefinition, "Gemini CLI, headless (gemini -p)", createGeminiAgent),
  cliAdapter(
    "aider",
    aiderDefinition,
    "aider, in message mode (aider --message)",
    createAiderAgent,
  ),
  {
    name: "command",
    description: "any program of yours (agents.command.run), given the task as JSON on stdin",
    availability: async (config, environment, options = {}) => {
      const run = config.agents.command?.run;
      if (run === undefined) {
        return {
          name: "command",
          available: false,
          detail: "not configured: set agents.command.run in the config, e.g. [./my-agent]",
        };
      }
      const definition = commandDefinition(run, options.projectFolder ?? process.cwd());
      return programAvailability(definition, undefined, environment, {
        ...options,
        askVersion: false,
      });
    },
    create: async (config, io) => {
      const run = config.agents.command?.run;
      if (run === undefined) {
        throw new InvalidArgumentError(
          "the command agent needs agents.command.run in the config",
          "agents.command.run",
        );
      }
      return createCommandAgent({
        run,
        projectFolder: io.projectFolder,
        environment: io.environment,
        now: io.now,
        prices: config.prices,
      });
    },
  },
];

/** The adapter of that name; the error lists the names there are. */
export function agentAdapter(name: string): AgentAdapter {
  const adapter = agentAdapters.find((candidate) => candidate.name === name);
  if (adapter !== undefined) return adapter;
  const names = agentAdapters.map((candidate) => candidate.name).join(", ");
  throw new InvalidArgumentError(`there is no agent "${name}"; the agents are ${names}`, "agent");
}

/** Every agent, whether it can run here, and what it would use or what is missing. */
export function availableAgents(
  config: Config,
  environment: Environment,
  options: AvailabilityOptions = {},
): Promise<AgentAvailability[]> {
  return Promise.all(
    agentAdapters.map((adapter) => adapter.availability(config, environment, options)),
  );
}
