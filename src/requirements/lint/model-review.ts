/**
 * The requirements lint with a language model's review on top: the deterministic rules always run; the
 * model then reads the numbered spec and the rules' findings and proposes more, as structured output.
 * Each proposal is checked (schema, line, quoted words) and kept or dropped and counted. A model that
 * does not answer leaves the deterministic report standing, with the reason; an abort is thrown.
 */
import {
  generateText,
  type LanguageModel,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  Output,
} from "ai";
import type { LintModelReview, LintReport } from "../../contracts/lint.js";
import type { Spec } from "../../contracts/spec.js";
import { addUsage, noUsage, type TokenUsage } from "../../contracts/token-usage.js";
import { lintSpec, reportFor, sortFindings } from "./lint-spec.js";
import { checkProposedFindings } from "./review-findings.js";
import { ReviewAnswer, reviewPrompt, reviewSystemPrompt } from "./review-prompt.js";

export interface ModelLintOptions {
  minimumScore: number;
  /** The reviewing model; without one, the report is the deterministic one. */
  model?: LanguageModel;
  signal?: AbortSignal;
  /** How the model is named in the report, e.g. `openai/gpt-4.1-mini`; else from the model. */
  modelLabel?: string;
  /** Retries of a failed call (429, 5xx, network); the AI SDK's default is 2. */
  maxRetries?: number;
}

const reviewOutput = Output.object({ schema: ReviewAnswer, name: "review" });

export async function lintSpecWithModel(
  spec: Spec,
  specText: string,
  options: ModelLintOptions,
): Promise<LintReport> {
  const deterministic = lintSpec(spec, { minimumScore: options.minimumScore, markdown: specText });
  const { model } = options;
  if (model === undefined) return deterministic;
  const label = options.modelLabel ?? labelOf(model);
  let answer: ModelAnswer;
  try {
    answer = await askModel(model, specText, deterministic, options);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const review: LintModelReview = {
      model: label,
      findings: 0,
      dropped: 0,
      error: `the model did not answer: ${reason}`,
    };
    return { ...deterministic, llm: review };
  }
  const checked = checkProposedFindings(answer.proposed, specText, deterministic.findings);
  const findings = sortFindings([...deterministic.findings, ...checked.kept]);
  return {
    ...reportFor(spec, findings, options.minimumScore),
    llm: {
      model: label,
      findings: checked.kept.length,
      dropped: checked.dropped + answer.unreadable,
      usage: answer.usage,
    },
  };
}

interface ModelAnswer {
  proposed: unknown[];
  /** 1 when the answer could not be read as findings at all. */
  unreadable: number;
  usage: TokenUsage;
}

async function askModel(
  model: LanguageModel,
  specText: string,
  deterministic: LintReport,
  options: ModelLintOptions,
): Promise<ModelAnswer> {
  return generateText({
    model,
    system: reviewSystemPrompt,
    prompt: reviewPrompt(specText, deterministic.findings),
    output: reviewOutput,
    temperature: 0,
    ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    ...(options.signal === undefined ? {} : { abortSignal: options.signal }),
  }).then(
    (result) => ({ ...readProposals(result), usage: addUsage(noUsage, result.usage) }),
    (error: unknown) => {
      if (!NoObjectGeneratedError.isInstance(error)) throw error;
      // One malformed finding fails the whole object: read the others one by one.
      return { ...salvage(error.text), usage: addUsage(noUsage, error.usage) };
    },
  );
}

function readProposals(result: { output: { findings: unknown[] } }) {
  try {
    return { proposed: result.output.findings, unreadable: 0 };
  } catch (error) {
    if (NoOutputGeneratedError.isInstance(error)) return { proposed: [], unreadable: 1 };
    throw error;
  }
}

function salvage(text: string | undefined): { proposed: unknown[]; unreadable: number } {
  try {
    const value: unknown = JSON.parse(text ?? "");
    const findings = (value as { findings?: unknown } | null)?.findings;
    if (Array.isArray(findings)) return { proposed: findings, unreadable: 0 };
  } catch {
    // Not JSON at all: counted below as one unreadable answer.
  }
  return { proposed: [], unreadable: 1 };
}

function labelOf(model: LanguageModel): string {
  return typeof model === "string" ? model : `${model.provider}/${model.modelId}`;
}
