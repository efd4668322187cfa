/**
 * The agents and the line-up as the console shows and saves them: every agent of the registry with
 * whether it can run on the server's machine (as `shopfloor agents list` finds out, in the line's
 * environment and project folder), the line-up new submissions get, and the check a line-up passes
 * before it is written: each agent it names exists and can run here, with a model and fault kinds the
 * line accepts. A line-up naming an agent that cannot run would fail every build.
 */
import type { AgentAvailability } from "../../../agents/agent.js";
import { agentAdapters, availableAgents } from "../../../agents/agent-registry.js";
import { defaultAgentName } from "../../../agents/default-agent.js";
import { allFaultKinds } from "../../../agents/fault-injection/fault-candidate.js";
import type { Config } from "../../../contracts/config.js";
import { InvalidArgumentError, ShopfloorError } from "../../../contracts/errors.js";
import type { LineUp, LineUpAgent } from "../../../contracts/work-item.js";
import { configForAgent } from "../../../line/agent-factory.js";
import { singleAgentLineUp } from "../../../line/line-up.js";
import type { ConsoleServices } from "../../console-services.js";
import type { AgentsAnswer } from "./factory-schemas.js";

type AgentServices = Pick<ConsoleServices, "settings" | "lineOptions">;

/** Every agent, whether it can run here (with its version, as `agents list` shows), and the line-up. */
export async function agentsAnswer(services: AgentServices): Promise<AgentsAnswer> {
  const config = services.settings.config();
  const availability = await availabilityHere(services, config, true);
  const defaultAgent = defaultAgentName(config, availability);
  const lineUp = config.line.lineUp ?? singleAgentLineUp(defaultAgent);
  const canRun = (name: string) =>
    availability.some((agent) => agent.name === name && agent.available);
  const named = [...new Set(lineUpAgents(lineUp).map(({ agent }) => agent.agent))];
  return {
    agents: agentAdapters.map((adapter, index) => {
      const { available, detail } = availability[index] ?? unknownAvailability(adapter.name);
      return { name: adapter.name, description: adapter.description, available, detail };
    }),
    defaultAgent,
    lineUp,
    configured: config.line.lineUp !== undefined,
    unavailable: named.filter((name) => !canRun(name)),
    configPath: services.settings.path,
  };
}

/**
 * Refuses a line-up the line could not build with, naming the field in the request's terms
 * (`lineUp.agents.1.agent`): an unknown agent, one that cannot run here, a model the llm agent cannot
 * use, a fault kind that does not exist.
 */
export async function checkLineUp(
  lineUp: LineUp,
  services: AgentServices,
  config: Config,
): Promise<void> {
  const availability = await availabilityHere(services, config, false);
  const names = agentAdapters.map((adapter) => adapter.name);
  for (const { agent, field } of lineUpAgents(lineUp)) {
    if (!names.includes(agent.agent)) {
      throw new InvalidArgumentError(
        `there is no agent "${agent.agent}"; the agents are ${names.join(", ")}`,
        `${field}.agent`,
      );
    }
    const here = availability.find((each) => each.name === agent.agent);
    if (here !== undefined && !here.available) {
      throw new InvalidArgumentError(
        `the ${agent.agent} agent cannot run here, so every build would fail: ${here.detail}`,
        `${field}.agent`,
      );
    }
    checkModel(agent, config, `${field}.model`);
    const unknownKinds = (agent.faults?.kinds ?? []).filter(
      (kind) => !(allFaultKinds as readonly string[]).includes(kind),
    );
    if (unknownKinds.length > 0) {
      throw new InvalidArgumentError(
        `unknown fault kind(s) ${unknownKinds.join(", ")}; the kinds are ${allFaultKinds.join(", ")}`,
        `${field}.faults.kinds`,
      );
    }
  }
}

/** The agents of a line-up with where each is in the request (`lineUp.agent`, `lineUp.agents.0`). */
function lineUpAgents(lineUp: LineUp): { agent: LineUpAgent; field: string }[] {
  if (lineUp.pattern === "single") return [{ agent: lineUp.agent, field: "lineUp.agent" }];
  return lineUp.agents.map((agent, index) => ({ agent, field: `lineUp.agents.${index}` }));
}

/** The llm agent given a model must find it among the config's models (or a provider to use it with). */
function checkModel(agent: LineUpAgent, config: Config, field: string): void {
  try {
    configForAgent(config, agent);
  } catch (error) {
    if (!(error instanceof ShopfloorError)) throw error;
    throw new InvalidArgumentError(error.message, field);
  }
}

async function availabilityHere(
  services: AgentServices,
  config: Config,
  askVersion: boolean,
): Promise<AgentAvailability[]> {
  const { environment, projectFolder } = services.lineOptions(config);
  return availableAgents(config, environment, { projectFolder, askVersion });
}

function unknownAvailability(name: string): AgentAvailability {
  return { name, available: false, detail: "its availability could not be checked" };
}
