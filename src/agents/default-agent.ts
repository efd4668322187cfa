/**
 * Which agent builds when the config names none for a station: the built-in llm agent when a model is
 * configured, else the first coding CLI the config sets up that is installed here, else the offline
 * scaffold agent, so that the whole line runs on a fresh machine with no model and no key.
 */
import type { Config } from "../contracts/config.js";
import type { AgentAvailability } from "./agent.js";

const configurableAgents = ["claude", "codex", "opencode", "gemini", "aider", "command"] as const;

export function defaultAgentName(
  config: Config,
  availability: readonly AgentAvailability[],
): string {
  const available = (name: string) =>
    availability.some((agent) => agent.name === name && agent.available);
  if (available("llm")) return "llm";
  const configured = configurableAgents.find(
    (name) => config.agents[name] !== undefined && available(name),
  );
  return configured ?? "scaffold";
}
