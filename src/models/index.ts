/** Language models: creating one from the config, the llmJudge judge, and the tokens they spend. */
export { createLanguageModel, type Environment, modelLabel } from "./create-language-model.js";
export {
  LanguageModelJudge,
  type LanguageModelJudgeOptions,
  unreadableAnswer,
} from "./language-model-judge.js";
export { addUsage, combineUsage, noUsage, type TokenUsage } from "./token-usage.js";
