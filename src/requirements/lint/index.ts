/** The requirements lint: rules over a spec, a score, a decision, and an optional model review. */
export { type CorpusEvaluation, evaluateCorpus, parseCorpus } from "./corpus.js";
export { type LintOptions, lintSpec } from "./lint-spec.js";
export { lintSpecWithModel, type ModelLintOptions } from "./model-review.js";
export { lintDecision, lintScore } from "./score.js";
export { lintSentence } from "./sentence-rules.js";
