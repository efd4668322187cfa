/**
 * A line-up in words, as the CLI's history and the dashboard show it: `single scaffold`,
 * `best-of 3 (claude/sonnet, codex)`, `fallback llm → scaffold after 1 failure`. Browser-safe.
 */
import type { LineUp, LineUpAgent } from "../contracts/work-item.js";

export function lineUpText(lineUp: LineUp): string {
  switch (lineUp.pattern) {
    case "single":
      return `single ${agentText(lineUp.agent)}`;
    case "best-of":
      return `best-of ${lineUp.candidates} (${lineUp.agents.map(agentText).join(", ")})`;
    case "fallback": {
      const failures = `${lineUp.afterFailures} failure${lineUp.afterFailures === 1 ? "" : "s"}`;
      return `fallback ${lineUp.agents.map(agentText).join(" → ")} after ${failures}`;
    }
  }
}

/** `claude/sonnet`, `scaffold with injected faults p=0.5`. */
export function agentText(agent: LineUpAgent): string {
  const model = agent.model === undefined ? "" : `/${agent.model}`;
  const faults =
    agent.faults === undefined ? "" : ` with injected faults p=${agent.faults.probability}`;
  return `${agent.agent}${model}${faults}`;
}
