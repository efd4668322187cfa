/** The offline scaffold agent: an http service written from a spec's structured model, no LLM needed. */
export {
  type ExpressionScope,
  translateExpression,
  translateRefusal,
  variablesRead,
} from "./expression-translator.js";
export { ScaffoldAgent, type ScaffoldAgentOptions } from "./scaffold-agent.js";
export { type ScaffoldedFile, scaffoldRefusal, scaffoldService } from "./scaffold-service.js";
