/**
 * Creating the agent a line-up names: the adapter from the agent registry, given the config with the
 * line-up's model applied, wrapped in fault injection when the line-up asks for it on this attempt. The
 * wrapper's seed is `faults.seed + attempt`, so a line run is replayed fault for fault. Also the default
 * line-up when the config has none: the default agent alone.
 */
import type { Agent } from "../agents/agent.js";
import { type AgentIo, agentAdapter, availableAgents } from "../agents/agent-registry.js";
import { defaultAgentName } from "../agents/default-agent.js";
import {
  type AnyFaultKind,
  allFaultKinds,
  faultKinds,
} from "../agents/fault-injection/fault-candidate.js";
import { FaultInjectingAgent } from "../agents/fault-injection/fault-injecting-agent.js";
import { type Config, modelFor } from "../contracts/config.js";
import { ShopfloorError } from "../contracts/errors.js";
import type { LineUp, LineUpAgent } from "../contracts/work-item.js";
import { singleAgentLineUp } from "./line-up.js";

export type CreateAgent = (agent: LineUpAgent, attempt: number) => Promise<Agent>;

/** The default `createAgent` of the line: the registry's adapter, with the fault wrapper when asked. */
export function agentFactory(config: Config, io: AgentIo): CreateAgent {
  return async (lineUpAgent, attempt) => {
    const adapter = findAdapter(lineUpAgent.agent);
    const inner = await adapter.create(configForAgent(config, lineUpAgent), io);
    const faults = lineUpAgent.faults;
    if (faults === undefined) return inner;
    if (faults.attempts !== undefined && !faults.attempts.includes(attempt)) return inner;
    return new FaultInjectingAgent({
      inner,
      probability: faults.probability,
      seed: faults.seed + attempt,
      kinds: faultKindsOf(faults.kinds),
      now: io.now,
    });
  };
}

/** The line-up of the config, else the default agent alone (llm with a model, a configured CLI, scaffold). */
export async function defaultLineUp(
  config: Config,
  environment: AgentIo["environment"],
  projectFolder: string,
): Promise<LineUp> {
  if (config.line.lineUp !== undefined) return config.line.lineUp;
  const availability = await availableAgents(config, environment, {
    projectFolder,
    askVersion: false,
  });
  return singleAgentLineUp(defaultAgentName(config, availability));
}

/**
 * The config an agent is created from, with the line-up's `model` applied: a role of `models` (or a
 * model name) becomes the llm agent's build model, and a coding CLI's `model`.
 */
export function configForAgent(config: Config, lineUpAgent: LineUpAgent): Config {
  const model = lineUpAgent.model;
  if (model === undefined) return config;
  const byRole = config.models[model];
  if (lineUpAgent.agent === "llm") {
    const base = byRole ?? modelFor(config, "build");
    if (base === undefined) {
      throw new ShopfloorError(
        "invalid-config",
        `the line-up gives the llm agent the model "${model}", which is neither a role of models nor usable without a provider: add models.${model} (provider, model) to the config`,
        { field: "line.lineUp" },
      );
    }
    const reference = byRole ?? { ...base, model };
    return { ...config, models: { ...config.models, build: reference } };
  }
  if (isCliAgent(lineUpAgent.agent)) {
    const name = lineUpAgent.agent;
    const settings = config.agents[name] ?? {};
    return {
      ...config,
      agents: { ...config.agents, [name]: { ...settings, model: byRole?.model ?? model } },
    };
  }
  return config;
}

const cliAgents = ["claude", "codex", "opencode", "gemini", "aider"] as const;

function isCliAgent(name: string): name is (typeof cliAgents)[number] {
  return (cliAgents as readonly string[]).includes(name);
}

function findAdapter(name: string) {
  try {
    return agentAdapter(name);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ShopfloorError("invalid-config", `the line-up names an unknown agent: ${message}`, {
      field: "line.lineUp",
      cause: error,
    });
  }
}

/** The line-up's kinds, checked; `production-regression` only ever comes in by being named here. */
function faultKindsOf(kinds: readonly string[] | undefined): AnyFaultKind[] | undefined {
  if (kinds === undefined) return undefined;
  const unknown = kinds.filter((kind) => !(allFaultKinds as readonly string[]).includes(kind));
  if (unknown.length > 0) {
    throw new ShopfloorError(
      "invalid-config",
      `unknown fault kind(s) ${unknown.join(", ")} in the line-up; the kinds are ${allFaultKinds.join(", ")} (default: ${faultKinds.join(", ")})`,
      { field: "line.lineUp" },
    );
  }
  return kinds as AnyFaultKind[];
}
