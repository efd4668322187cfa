/**
 * The messages the scenario generator sends: the spec (title, prose, criteria with their ids, the
 * structured model as YAML), the format of the suite's kind, the conventions, the titles not to repeat,
 * the criteria to focus on and how many of each category. What stays the same across a spec's calls comes
 * first, so that providers' prompt caches can serve it again; what changes (titles, counts) comes last.
 */
import { stringify } from "yaml";
import type { Scenario, SuiteHeader } from "../../contracts/scenario.js";
import type { ScenarioCategory } from "../../contracts/scenario-category.js";
import { scenarioCategories } from "../../contracts/scenario-category.js";
import type { AcceptanceCriterion, Spec } from "../../contracts/spec.js";
import { conventionsFor, scenarioFormat } from "./scenario-format.js";

export const scenarioSystemPrompt = [
  "You write test scenarios for the holdout suite of a software factory. Software built from a spec",
  "must pass them; they are run many times and a probabilistic gate decides from the results.",
  "Test only what the spec and the conventions promise: a scenario that expects something they do not",
  "say is a false failure. Make each scenario independent (it creates the data it needs), deterministic,",
  "and about one behaviour. Assert precisely: exact statuses, exit codes and values where the spec gives",
  "them. Answer with JSON only, in the format asked for.",
].join("\n");

const maximumProseLength = 12_000;
const maximumTitlesShown = 300;

const categoryMeaning: Record<ScenarioCategory, string> = {
  normal: "normal: the uses the spec describes, with typical valid input",
  edge: "edge: boundaries and unusual input (limits, empty, missing, wrong types, not found, conflicts)",
  malicious:
    "malicious: hostile input (injection, path traversal, oversized or malformed bodies, prototype " +
    "pollution, template injection) that must be refused cleanly",
};

export interface ScenarioPromptInput {
  spec: Spec;
  header: SuiteHeader;
  wanted: Readonly<Record<ScenarioCategory, number>>;
  /** Titles already in the suite (or written earlier in this run). */
  existingTitles: readonly string[];
  /** The criteria to focus on; those no scenario covers yet are shown first. */
  focusCriteria: readonly AcceptanceCriterion[];
  /** Ids of the criteria some scenario already covers. */
  coveredCriteria: ReadonlySet<string>;
}

export function scenarioPrompt(input: ScenarioPromptInput): string {
  const { spec, header } = input;
  return [
    `# The spec: ${spec.title}`,
    specProse(spec),
    "## Acceptance criteria",
    spec.criteria.map((criterion) => `- ${criterion.id}: ${criterion.text}`).join("\n") || "(none)",
    ...(spec.model === undefined
      ? []
      : ["## Structured model (YAML)", stringify(spec.model.model).trimEnd()]),
    `# The scenario format (a ${header.target} suite)`,
    scenarioFormat(header),
    "# What the built software always does (you may rely on it)",
    conventionsFor(header.target),
    "# Scenarios already written: do not repeat them",
    existingTitlesText(input.existingTitles),
    "# Your task",
    countsText(input.wanted),
    ...focusText(input.focusCriteria, input.coveredCriteria),
    '"covers" lists only ids of the acceptance criteria above. Titles are unique. Leave out "id".',
    'Answer with JSON only: {"scenarios": [scenario, ...]}.',
  ].join("\n\n");
}

/** After invalid scenarios: their problems, and a request for corrected versions in the same order. */
export function repairPrompt(
  invalid: readonly { raw: unknown; problems: readonly string[] }[],
): string {
  const listed = invalid.map(({ raw, problems }, index) =>
    [`${index + 1}. ${cutJson(raw)}`, ...problems.map((problem) => `   - ${problem}`)].join("\n"),
  );
  return [
    `${invalid.length === 1 ? "This scenario is" : `These ${invalid.length} scenarios are`} invalid:`,
    ...listed,
    `Answer with corrected versions of exactly these ${invalid.length}, in this order, as`,
    '{"scenarios": [...]}. Keep what each one tests; fix only what is wrong.',
  ].join("\n\n");
}

/** After an answer that was not the JSON asked for. */
export function unreadableAnswerPrompt(reason: string): string {
  return [
    `Your answer could not be read as the JSON asked for (${reason}).`,
    'Answer again with JSON only: {"scenarios": [scenario, ...]}.',
  ].join(" ");
}

function specProse(spec: Spec): string {
  let section = "";
  const lines: string[] = [];
  for (const block of spec.prose) {
    if (block.section !== section && block.section !== "") lines.push(`## ${block.section}`);
    section = block.section;
    lines.push(block.text);
  }
  const prose = lines.join("\n\n");
  if (prose.length <= maximumProseLength) return prose || "(no prose)";
  return `${prose.slice(0, maximumProseLength)}\n…(the rest of the spec's prose is left out)`;
}

function existingTitlesText(titles: readonly string[]): string {
  if (titles.length === 0) return "(none yet)";
  const shown = titles.slice(0, maximumTitlesShown).map((title) => `- ${title}`);
  if (titles.length > maximumTitlesShown) {
    shown.push(`…and ${titles.length - maximumTitlesShown} more`);
  }
  return shown.join("\n");
}

function countsText(wanted: Readonly<Record<ScenarioCategory, number>>): string {
  const asked = scenarioCategories.filter((category) => wanted[category] > 0);
  return [
    `Write ${asked.map((category) => `${wanted[category]} ${category}`).join(", ")} scenarios:`,
    ...asked.map((category) => `- ${categoryMeaning[category]}`),
  ].join("\n");
}

function focusText(
  criteria: readonly AcceptanceCriterion[],
  covered: ReadonlySet<string>,
): string[] {
  if (criteria.length === 0) return [];
  const ordered = [
    ...criteria.filter((criterion) => !covered.has(criterion.id)),
    ...criteria.filter((criterion) => covered.has(criterion.id)),
  ];
  return [
    "Focus on these criteria, in this order:",
    ordered
      .map((criterion) => {
        const mark = covered.has(criterion.id) ? "" : " (no scenario yet)";
        return `- ${criterion.id}${mark}: ${criterion.text}`;
      })
      .join("\n"),
  ];
}

function cutJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= 4_000 ? text : `${text.slice(0, 4_000)}…(cut)`;
}

/** The ids of the criteria the scenarios cover. */
export function coveredCriteria(scenarios: readonly Scenario[]): Set<string> {
  return new Set(scenarios.flatMap((scenario) => scenario.covers ?? []));
}
