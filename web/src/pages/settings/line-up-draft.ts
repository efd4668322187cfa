/**
 * The line-up editor's draft, as pure functions: a line-up as a person reads it, the form's state from
 * the configured line-up (or none: the default agent alone), a change of pattern that keeps the agents
 * chosen so far, and the line-up the form gives, or what is wrong with it. An agent left in its place
 * keeps its model and fault injection; one changed is just the new agent.
 */
import type { LineUp, LineUpAgent } from "../../../../src/contracts/work-item.js";

export type LineUpPattern = "default" | LineUp["pattern"];

export interface LineUpDraft {
  pattern: LineUpPattern;
  /** single: the first; best-of: built in turn; fallback: in order. */
  agents: LineUpAgent[];
  /** best-of: the candidates built per attempt, as typed. */
  candidates: string;
  /** fallback: failed attempts before the next agent, as typed. */
  afterFailures: string;
}

export const patternLabels: Record<LineUpPattern, string> = {
  default: "Default agent alone",
  single: "One agent",
  "best-of": "Best of N",
  fallback: "Fallback chain",
};

/** The form's start: the configured line-up, or the default agent alone (offered as the first agent). */
export function draftOf(lineUp: LineUp, configured: boolean, defaultAgent: string): LineUpDraft {
  if (!configured) {
    return {
      pattern: "default",
      agents: [{ agent: defaultAgent }],
      candidates: "2",
      afterFailures: "1",
    };
  }
  switch (lineUp.pattern) {
    case "single":
      return { pattern: "single", agents: [lineUp.agent], candidates: "2", afterFailures: "1" };
    case "best-of":
      return {
        pattern: "best-of",
        agents: lineUp.agents,
        candidates: String(lineUp.candidates),
        afterFailures: "1",
      };
    case "fallback":
      return {
        pattern: "fallback",
        agents: lineUp.agents,
        candidates: "2",
        afterFailures: String(lineUp.afterFailures),
      };
  }
}

/** The fewest agents a pattern takes (a fallback chain needs somewhere to fall back to). */
export function minimumAgents(pattern: LineUpPattern): number {
  return pattern === "fallback" ? 2 : 1;
}

/** Another pattern, with the agents so far; a chain too short gets another agent that can run. */
export function withPattern(
  draft: LineUpDraft,
  pattern: LineUpPattern,
  available: readonly string[],
): LineUpDraft {
  let next: LineUpDraft = { ...draft, pattern };
  while (next.agents.length < minimumAgents(pattern)) next = withAddedAgent(next, available);
  return next;
}

/** One more agent: the first that can run and is not in the line-up yet, else the first that can run. */
export function withAddedAgent(draft: LineUpDraft, available: readonly string[]): LineUpDraft {
  const unused = available.find((name) => !draft.agents.some((agent) => agent.agent === name));
  const name = unused ?? available[0] ?? draft.agents[0]?.agent ?? "scaffold";
  return { ...draft, agents: [...draft.agents, { agent: name }] };
}

/** Agent `index` replaced by `name`: the same agent keeps its settings, another starts bare. */
export function withAgent(draft: LineUpDraft, index: number, name: string): LineUpDraft {
  const agents = draft.agents.map((agent, place) =>
    place !== index || agent.agent === name ? agent : { agent: name },
  );
  return { ...draft, agents };
}

export function withoutAgent(draft: LineUpDraft, index: number): LineUpDraft {
  return { ...draft, agents: draft.agents.filter((_agent, place) => place !== index) };
}

/** The agents the pattern uses: one for a single agent or the default, all the others. */
export function agentsInUse(draft: LineUpDraft): LineUpAgent[] {
  return draft.pattern === "single" || draft.pattern === "default"
    ? draft.agents.slice(0, 1)
    : draft.agents;
}

/** What PUT /api/settings/line-up is sent (null: the default agent alone), or what to fix first. */
export function lineUpOf(
  draft: LineUpDraft,
): { lineUp: LineUp | null; problem?: undefined } | { problem: string } {
  const [first] = draft.agents;
  switch (draft.pattern) {
    case "default":
      return { lineUp: null };
    case "single":
      if (first === undefined) return { problem: "Choose the agent." };
      return { lineUp: { pattern: "single", agent: first } };
    case "best-of": {
      const candidates = wholeNumber(draft.candidates);
      if (candidates === undefined || candidates < 2 || candidates > 16) {
        return { problem: "Best of N builds 2 to 16 candidates per attempt." };
      }
      if (first === undefined) return { problem: "Choose at least one agent." };
      return { lineUp: { pattern: "best-of", candidates, agents: draft.agents } };
    }
    case "fallback": {
      const afterFailures = wholeNumber(draft.afterFailures);
      if (afterFailures === undefined || afterFailures < 1) {
        return { problem: "Fall back after 1 or more failed attempts." };
      }
      if (draft.agents.length < 2) return { problem: "A fallback chain needs two agents or more." };
      return { lineUp: { pattern: "fallback", agents: draft.agents, afterFailures } };
    }
  }
}

function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}
