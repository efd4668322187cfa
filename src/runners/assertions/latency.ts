/** `latencyUnderMs: 200`: how long the step took, measured by the runner. */
import type { Observation } from "../../contracts/observation.js";

export function checkLatency(limitMs: number, observation: Observation): string | undefined {
  if (observation.durationMs < limitMs) return undefined;
  return `expected to take under ${limitMs} ms, took ${Math.round(observation.durationMs)} ms`;
}
