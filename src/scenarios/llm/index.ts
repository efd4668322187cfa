/** The LLM scenario generator: scenarios a model proposes, validated like hand-written ones. */
export {
  generateScenariosWithModel,
  type ModelScenarioRequest,
  type ModelScenarioResult,
} from "./generate-with-model.js";
