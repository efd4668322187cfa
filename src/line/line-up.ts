/**
 * Line-ups, as pure functions: how many candidates an attempt builds, and which agent builds each.
 * `single` builds one candidate with its agent; `best-of` builds N candidates from its agents in turn
 * (candidate c takes agent (c − 1) mod the number of agents); `fallback` builds one candidate with the
 * agent of its place in the chain, moving on after `afterFailures` failed attempts of the current one
 * and staying with the last agent once the chain is spent.
 */
import { InvalidArgumentError } from "../contracts/errors.js";
import type { LineUp, LineUpAgent } from "../contracts/work-item.js";

/** How many candidates one attempt builds: N for best-of-N, else 1. */
export function candidateCount(lineUp: LineUp): number {
  return lineUp.pattern === "best-of" ? lineUp.candidates : 1;
}

/** The agent that builds candidate `candidate` (1-based) of attempt `attempt` (1-based). */
export function agentFor(lineUp: LineUp, attempt: number, candidate: number): LineUpAgent {
  checkPosition(attempt, "attempt");
  checkPosition(candidate, "candidate");
  if (candidate > candidateCount(lineUp)) {
    throw new InvalidArgumentError(
      `candidate ${candidate} is beyond the ${candidateCount(lineUp)} candidate(s) of the line-up`,
      "candidate",
    );
  }
  switch (lineUp.pattern) {
    case "single":
      return lineUp.agent;
    case "best-of":
      return pick(lineUp.agents, (candidate - 1) % lineUp.agents.length);
    case "fallback": {
      const index = Math.floor((attempt - 1) / lineUp.afterFailures);
      return pick(lineUp.agents, Math.min(index, lineUp.agents.length - 1));
    }
  }
}

/** Every candidate of an attempt with its agent, in candidate order. */
export function attemptAgents(
  lineUp: LineUp,
  attempt: number,
): { candidate: number; agent: LineUpAgent }[] {
  return Array.from({ length: candidateCount(lineUp) }, (_, index) => ({
    candidate: index + 1,
    agent: agentFor(lineUp, attempt, index + 1),
  }));
}

/** A line-up of one agent, the default when the config names none. */
export function singleAgentLineUp(agent: string): LineUp {
  return { pattern: "single", agent: { agent } };
}

function pick(agents: readonly LineUpAgent[], index: number): LineUpAgent {
  const agent = agents[index];
  if (agent === undefined) throw new InvalidArgumentError("a line-up needs an agent", "agents");
  return agent;
}

function checkPosition(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`${field} must be a whole number from 1; got ${value}`, field);
  }
}
