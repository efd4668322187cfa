/**
 * Tokens spent on language models, summed over calls: what the ledger charges and what a report shows.
 * Figures a provider does not report count 0; cached input tokens are part of the input tokens, reasoning
 * tokens part of the output tokens, as the AI SDK reports them.
 */
/**
 * The figures a model call reports, as the AI SDK names them (its `LanguageModelUsage`, version 6):
 * written out here so that the contracts depend on no library.
 */
export interface ReportedUsage {
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
  cachedInputTokens?: number | undefined;
  reasoningTokens?: number | undefined;
  inputTokenDetails?: { cacheReadTokens?: number | undefined } | undefined;
  outputTokenDetails?: { reasoningTokens?: number | undefined } | undefined;
}

export interface TokenUsage {
  inputTokens: number;
  /** Input tokens read from the provider's prompt cache (billed lower), included in inputTokens. */
  cachedInputTokens: number;
  outputTokens: number;
  /** Output tokens a reasoning model spent thinking, included in outputTokens. */
  reasoningTokens: number;
  /** Model calls answered. */
  calls: number;
}

export const noUsage: TokenUsage = Object.freeze({
  inputTokens: 0,
  cachedInputTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
  calls: 0,
});

/** The total with one more answered call; `usage` is absent when the answer carried no figures. */
export function addUsage(total: TokenUsage, usage: ReportedUsage | undefined): TokenUsage {
  return {
    inputTokens: total.inputTokens + count(usage?.inputTokens),
    cachedInputTokens:
      total.cachedInputTokens +
      count(usage?.inputTokenDetails?.cacheReadTokens ?? usage?.cachedInputTokens),
    outputTokens: total.outputTokens + count(usage?.outputTokens),
    reasoningTokens:
      total.reasoningTokens +
      count(usage?.outputTokenDetails?.reasoningTokens ?? usage?.reasoningTokens),
    calls: total.calls + 1,
  };
}

/** Two totals as one, e.g. the scenario generator's and the judge's. */
export function combineUsage(left: TokenUsage, right: TokenUsage): TokenUsage {
  return {
    inputTokens: left.inputTokens + right.inputTokens,
    cachedInputTokens: left.cachedInputTokens + right.cachedInputTokens,
    outputTokens: left.outputTokens + right.outputTokens,
    reasoningTokens: left.reasoningTokens + right.reasoningTokens,
    calls: left.calls + right.calls,
  };
}

function count(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}
