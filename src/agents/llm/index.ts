/** The built-in LLM coding agent (`llm`): what the agent registry and the line use. */
export { defaultMaxTurns, LlmAgent, type LlmAgentOptions, maximumNudges } from "./llm-agent.js";
export { llmSystemPrompt, llmTaskPrompt } from "./llm-prompt.js";
export type { Timers } from "./run-sandboxed-command.js";
