/**
 * The LLM scenario generator: asks a model for scenarios of a spec, in batches, and keeps only those
 * that pass the same validation as hand-written ones. Each proposal ends one way: accepted (valid as
 * proposed), repaired (valid after its problems were sent back, or after unknown criteria were removed
 * from its `covers`) or dropped (still invalid, or beyond the count asked for), with the reason.
 */
import type { LanguageModel } from "ai";
import type { Scenario, SuiteHeader } from "../../contracts/scenario.js";
import { type ScenarioCategory, scenarioCategories } from "../../contracts/scenario-category.js";
import type { AcceptanceCriterion, Spec } from "../../contracts/spec.js";
import { combineUsage, noUsage, type TokenUsage } from "../../contracts/token-usage.js";
import { checkProposal, type ProposalContext } from "./check-proposal.js";
import { ScenarioConversation } from "./scenario-conversation.js";
import { takeScenarioId } from "./scenario-id.js";
import {
  coveredCriteria,
  repairPrompt,
  scenarioPrompt,
  unreadableAnswerPrompt,
} from "./scenario-prompt.js";

export interface ModelScenarioRequest {
  spec: Spec;
  header: SuiteHeader;
  model: LanguageModel;
  wanted: Record<ScenarioCategory, number>;
  /** Scenarios already in the suite: their titles are not repeated, their ids not reused. */
  existing: readonly Scenario[];
  /** The criteria to focus on; those no existing scenario covers are put first. */
  focusCriteria: readonly AcceptanceCriterion[];
  /** Follow-up calls per batch that send problems back; default 1. */
  maximumRepairRounds?: number;
  /** Scenarios asked for in one call, so that an answer fits the model's output limit; default 20. */
  batchSize?: number;
  signal?: AbortSignal;
  maxRetries?: number;
}

export interface ModelScenarioResult {
  scenarios: Scenario[];
  proposed: number;
  accepted: number;
  repaired: number;
  dropped: number;
  /** Why each dropped scenario was dropped, and any answer that could not be read at all. */
  droppedReasons: string[];
  usage: TokenUsage;
}

interface Proposal {
  raw: unknown;
  outcome: "accepted" | "repaired" | "invalid";
  scenario?: Scenario;
  problems: string[];
}

/** What earlier batches leave to later ones. */
interface RunState {
  titles: string[];
  takenTitles: Set<string>;
  takenIds: Set<string>;
  covered: Set<string>;
}

export async function generateScenariosWithModel(
  request: ModelScenarioRequest,
): Promise<ModelScenarioResult> {
  const result: ModelScenarioResult = {
    scenarios: [],
    proposed: 0,
    accepted: 0,
    repaired: 0,
    dropped: 0,
    droppedReasons: [],
    usage: noUsage,
  };
  const state: RunState = {
    titles: request.existing.map((scenario) => scenario.title),
    takenTitles: new Set(request.existing.map((scenario) => scenario.title.toLowerCase())),
    takenIds: new Set(request.existing.map((scenario) => scenario.id)),
    covered: coveredCriteria(request.existing),
  };
  for (const wanted of planBatches(request.wanted, request.batchSize ?? 20)) {
    await generateBatch(request, wanted, state, result);
  }
  return result;
}

async function generateBatch(
  request: ModelScenarioRequest,
  wanted: Record<ScenarioCategory, number>,
  state: RunState,
  result: ModelScenarioResult,
): Promise<void> {
  const conversation = new ScenarioConversation({
    model: request.model,
    ...(request.signal === undefined ? {} : { signal: request.signal }),
    ...(request.maxRetries === undefined ? {} : { maxRetries: request.maxRetries }),
  });
  let roundsLeft = request.maximumRepairRounds ?? 1;
  try {
    let answer = await conversation.ask(
      scenarioPrompt({
        spec: request.spec,
        header: request.header,
        wanted,
        existingTitles: state.titles,
        focusCriteria: request.focusCriteria,
        coveredCriteria: state.covered,
      }),
    );
    if ("unreadable" in answer && roundsLeft > 0) {
      roundsLeft -= 1;
      answer = await conversation.ask(unreadableAnswerPrompt(answer.unreadable));
    }
    if ("unreadable" in answer) {
      result.droppedReasons.push(`the model's answer could not be read: ${answer.unreadable}`);
      return;
    }
    const context: ProposalContext = {
      header: request.header,
      criteria: new Set(request.spec.criteria.map((criterion) => criterion.id)),
      takenTitles: state.takenTitles,
    };
    const proposals = answer.proposals.map((raw) => checked(raw, "accepted", context, state));
    while (roundsLeft > 0 && proposals.some((proposal) => proposal.outcome === "invalid")) {
      roundsLeft -= 1;
      const invalid = proposals.filter((proposal) => proposal.outcome === "invalid");
      const repair = await conversation.ask(repairPrompt(invalid));
      if ("unreadable" in repair) break;
      invalid.forEach((proposal, index) => {
        const raw = repair.proposals[index];
        if (raw === undefined)
          proposal.problems = ["the repair did not return it", ...proposal.problems];
        else Object.assign(proposal, checked(raw, "repaired", context, state));
      });
    }
    keep(proposals, wanted, state, result);
  } finally {
    result.usage = combineUsage(result.usage, conversation.usage);
  }
}

function checked(
  raw: unknown,
  outcome: "accepted" | "repaired",
  context: ProposalContext,
  state: RunState,
): Proposal {
  const check = checkProposal(raw, context);
  if (!check.valid) return { raw, outcome: "invalid", problems: check.problems };
  state.takenTitles.add(check.scenario.title.toLowerCase());
  return {
    raw,
    outcome: check.removedCovers.length > 0 ? "repaired" : outcome,
    scenario: check.scenario,
    problems: [],
  };
}

/** Valid scenarios up to the count asked for in each category, in the order proposed, get their ids. */
function keep(
  proposals: readonly Proposal[],
  wanted: Record<ScenarioCategory, number>,
  state: RunState,
  result: ModelScenarioResult,
): void {
  const kept: Record<ScenarioCategory, number> = { normal: 0, edge: 0, malicious: 0 };
  for (const proposal of proposals) {
    result.proposed += 1;
    const { scenario } = proposal;
    if (scenario === undefined) {
      drop(result, proposal.raw, proposal.problems.slice(0, 3).join("; "));
      continue;
    }
    if (kept[scenario.category] >= wanted[scenario.category]) {
      drop(
        result,
        proposal.raw,
        `more ${scenario.category} scenarios than the ${wanted[scenario.category]} asked for`,
      );
      continue;
    }
    kept[scenario.category] += 1;
    if (proposal.outcome === "repaired") result.repaired += 1;
    else result.accepted += 1;
    const id = takeScenarioId(scenario.category, scenario.title, state.takenIds);
    result.scenarios.push({ ...scenario, id });
    state.titles.push(scenario.title);
    for (const criterion of scenario.covers ?? []) state.covered.add(criterion);
  }
}

function drop(result: ModelScenarioResult, raw: unknown, reason: string): void {
  result.dropped += 1;
  const title = (raw as { title?: unknown } | null)?.title;
  const name =
    typeof title === "string" && title.trim() !== "" ? JSON.stringify(title.trim()) : "(untitled)";
  result.droppedReasons.push(`${name}: ${reason}`);
}

/** The counts split into batches of at most `size` scenarios, categories in order. */
export function planBatches(
  wanted: Readonly<Record<ScenarioCategory, number>>,
  size: number,
): Record<ScenarioCategory, number>[] {
  const batchSize = Math.max(1, Math.floor(size));
  const batches: Record<ScenarioCategory, number>[] = [];
  let current = { normal: 0, edge: 0, malicious: 0 };
  let room = batchSize;
  for (const category of scenarioCategories) {
    let left = Math.max(0, Math.floor(wanted[category]));
    while (left > 0) {
      const taken = Math.min(left, room);
      current[category] += taken;
      left -= taken;
      room -= taken;
      if (room === 0) {
        batches.push(current);
        current = { normal: 0, edge: 0, malicious: 0 };
        room = batchSize;
      }
    }
  }
  if (room < batchSize) batches.push(current);
  return batches;
}
