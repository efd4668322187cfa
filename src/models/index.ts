/** Language models: creating one from the config, the llmJudge judge, and the tokens they spend. */

export { addUsage, combineUsage, noUsage, type TokenUsage } from "../contracts/token-usage.js";
export { createLanguageModel, type Environment, modelLabel } from "./create-language-model.js";
export {
  LanguageModelJudge,
  type LanguageModelJudgeOptions,
  unreadableAnswer,
} from "./language-model-judge.js";
