/**
 * The line-up `shopfloor run` submits with: built from `--agent`, `--best-of` and `--faults` when any is
 * given, on top of the config's line-up (or the default agent); none (the line uses the config's) when
 * none is. Fault injection is seeded with the line's seed so a run can be replayed.
 */
import { InvalidArgumentError as InvalidOptionValue } from "commander";
import { agentAdapter } from "../../../agents/agent-registry.js";
import type { Config, LineUp, LineUpAgent } from "../../../contracts/index.js";

export interface LineUpOptions {
  agent?: string;
  bestOf?: number;
  faults?: number;
}

export async function lineUpFromOptions(
  options: LineUpOptions,
  config: Config,
  defaultAgent: () => Promise<string>,
): Promise<LineUp | undefined> {
  if (options.agent === undefined && options.bestOf === undefined && options.faults === undefined) {
    return undefined;
  }
  if (options.agent !== undefined) agentAdapter(options.agent);
  const configured = config.line.lineUp;
  const withFaults = (agent: LineUpAgent): LineUpAgent =>
    options.faults === undefined
      ? agent
      : { ...agent, faults: { probability: options.faults, seed: config.line.seed } };
  if (options.bestOf !== undefined && options.bestOf > 1) {
    const agents =
      options.agent !== undefined
        ? [{ agent: options.agent }]
        : configured !== undefined
          ? agentsOf(configured)
          : [{ agent: await defaultAgent() }];
    return { pattern: "best-of", candidates: options.bestOf, agents: agents.map(withFaults) };
  }
  if (options.agent !== undefined) {
    return { pattern: "single", agent: withFaults({ agent: options.agent }) };
  }
  if (configured !== undefined) return withAgents(configured, withFaults);
  return { pattern: "single", agent: withFaults({ agent: await defaultAgent() }) };
}

function agentsOf(lineUp: LineUp): LineUpAgent[] {
  return lineUp.pattern === "single" ? [lineUp.agent] : lineUp.agents;
}

function withAgents(lineUp: LineUp, change: (agent: LineUpAgent) => LineUpAgent): LineUp {
  return lineUp.pattern === "single"
    ? { ...lineUp, agent: change(lineUp.agent) }
    : { ...lineUp, agents: lineUp.agents.map(change) };
}

/** `--best-of N`: 1 (a single agent) to 16 candidates. */
export function parseCandidates(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isInteger(number) || number < 1 || number > 16) {
    throw new InvalidOptionValue("expected a number of candidates from 1 to 16");
  }
  return number;
}

/** `--faults P`: the probability that a build gets faults injected, above 0 and at most 1. */
export function parseFaultProbability(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number <= 0 || number > 1) {
    throw new InvalidOptionValue("expected a probability above 0 and at most 1, such as 0.5");
  }
  return number;
}
