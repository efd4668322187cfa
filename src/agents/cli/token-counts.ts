/** Adding up token counts read from a CLI's output, which may leave any of them out. */
import { type AgentTokens, noAgentTokens } from "../../contracts/agent-run.js";

export function addTokens(left: AgentTokens, right: Partial<AgentTokens>): AgentTokens {
  return {
    inputTokens: left.inputTokens + count(right.inputTokens),
    cachedInputTokens: left.cachedInputTokens + count(right.cachedInputTokens),
    outputTokens: left.outputTokens + count(right.outputTokens),
    reasoningTokens: left.reasoningTokens + count(right.reasoningTokens),
  };
}

/** Token counts that keep the schema's promises: cached within input, reasoning within output. */
export function consistentTokens(tokens: Partial<AgentTokens>): AgentTokens {
  const inputTokens = count(tokens.inputTokens);
  const outputTokens = count(tokens.outputTokens);
  return {
    inputTokens,
    cachedInputTokens: Math.min(count(tokens.cachedInputTokens), inputTokens),
    outputTokens,
    reasoningTokens: Math.min(count(tokens.reasoningTokens), outputTokens),
  };
}

export function count(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

export { noAgentTokens };
