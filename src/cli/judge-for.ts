/**
 * The judge of a suite's `llmJudge` assertions: the model configured for the "judge" role (or the default
 * model). A suite with such assertions and no model is refused before any trial runs, rather than failing
 * every one of them.
 */
import { type Config, modelFor, ShopfloorError } from "../contracts/index.js";
import type { Suite } from "../contracts/scenario.js";
import { createLanguageModel } from "../models/create-language-model.js";
import { LanguageModelJudge } from "../models/language-model-judge.js";
import type { ResponseJudge } from "../runners/assertions/assertion-context.js";

export function judgeFor(
  suite: Suite,
  config: Config,
  environment: Readonly<Record<string, string | undefined>>,
): ResponseJudge | undefined {
  const judged = suite.scenarios.filter((scenario) =>
    scenario.steps.some((step) => step.expect.some((assertion) => "llmJudge" in assertion)),
  );
  if (judged.length === 0) return undefined;
  const reference = modelFor(config, "judge");
  if (reference === undefined) {
    throw new ShopfloorError(
      "invalid-config",
      `${judged.length} scenario(s) have llmJudge assertions (the first: ${judged[0]?.id}), and no model is configured to judge them: add models.judge or models.default to shopfloor.config.yaml (see docs/models.md)`,
      { field: "models.judge" },
    );
  }
  return new LanguageModelJudge({ model: createLanguageModel(reference, environment) });
}
