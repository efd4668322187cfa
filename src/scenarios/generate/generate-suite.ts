/**
 * Generating a holdout suite offline: the spec's kind picks the generator (http, cli, library), its
 * candidates are validated against the suite's schema, the first distinct ones per category up to the
 * requested counts are kept (shortfall when fewer exist), and each criterion gets the scenarios that show
 * it. The same spec, seed and counts give the same suite, byte for byte.
 */
import { ShopfloorError } from "../../contracts/errors.js";
import {
  type Scenario,
  type SuiteCriterion,
  SuiteDefaults,
  type SuiteHeader,
} from "../../contracts/scenario.js";
import { type ScenarioCategory, scenarioCategories } from "../../contracts/scenario-category.js";
import type { ScenarioCounts, Spec } from "../../contracts/spec.js";
import { scenarioSchemaFor } from "../scenario-schema.js";
import { generateCliScenarios } from "./cli-generator.js";
import { applyCoverage, type CriterionCoverage, computeCoverage } from "./coverage.js";
import { generateHttpScenarios } from "./http-generator.js";
import type { CandidateScenarios } from "./kind-generator.js";
import { generateLibraryScenarios } from "./library-generator.js";
import { scenarioKey } from "./scenario-identity.js";

export { type CriterionCoverage, computeCoverage } from "./coverage.js";

export interface GenerateOptions {
  seed: number;
  counts: ScenarioCounts;
}

export interface GeneratedSuite {
  header: SuiteHeader;
  scenarios: Scenario[];
  coverage: CriterionCoverage[];
  /** How many scenarios of each category were asked for but could not be made distinct. */
  shortfall: Record<ScenarioCategory, number>;
  notes: string[];
}

export function generateSuite(spec: Spec, options: GenerateOptions): GeneratedSuite {
  const header = suiteHeader(spec, options);
  const candidates = candidatesFor(spec, options);
  const notes = [...candidates.notes];
  const schema = scenarioSchemaFor(header);
  const valid: Scenario[] = [];
  for (const candidate of candidates.scenarios) {
    const parsed = schema.safeParse(candidate);
    if (parsed.success) valid.push(parsed.data);
    else
      notes.push(
        `${candidate.id} was dropped: ${parsed.error.issues[0]?.message ?? "not a valid scenario"}`,
      );
  }
  const scenarios: Scenario[] = [];
  const shortfall = { normal: 0, edge: 0, malicious: 0 };
  const ids = new Set<string>();
  for (const category of scenarioCategories) {
    const chosen = firstDistinct(
      valid.filter((scenario) => scenario.category === category),
      options.counts[category],
    );
    shortfall[category] = options.counts[category] - chosen.length;
    scenarios.push(...chosen.map((scenario) => ({ ...scenario, id: uniqueId(scenario.id, ids) })));
  }
  for (const category of scenarioCategories) {
    if (shortfall[category] > 0) {
      const made = options.counts[category] - shortfall[category];
      notes.push(
        `${category}: ${options.counts[category]} asked for, only ${made} distinct scenarios ` +
          "could be made from the model",
      );
    }
  }
  return finish(header, scenarios, shortfall, notes);
}

/**
 * The suite of an http-service spec with no structured model, before a language model writes its
 * scenarios from the prose and the criteria: the header only. cli and library specs name the program or
 * module under test in their model, so they cannot do without one.
 */
export function emptySuite(spec: Spec, options: GenerateOptions): GeneratedSuite {
  if (spec.frontMatter.kind !== "http-service") {
    throw new ShopfloorError(
      "invalid-input",
      `${spec.source}: a ${spec.frontMatter.kind} spec needs a structured model, which names the ${spec.frontMatter.kind === "cli" ? "command" : "module"} under test; see docs/specs.md`,
      { path: spec.source },
    );
  }
  const offline = suiteHeader(spec, options);
  // No offline generator ran: the language model that fills the suite adds itself on merging.
  const header: SuiteHeader =
    offline.generated === undefined
      ? offline
      : { ...offline, generated: { ...offline.generated, generators: [] } };
  return finish(header, [], { ...options.counts }, [
    "the spec has no structured model: every scenario was written by the language model",
  ]);
}

/**
 * Adds scenarios from another generator (an LLM): only those distinct from every scenario already there,
 * with ids made unique; records the generator and recomputes coverage and shortfall.
 */
export function mergeScenarios(
  suite: GeneratedSuite,
  added: readonly Scenario[],
  generator: string,
): GeneratedSuite {
  const keys = new Set(suite.scenarios.map(scenarioKey));
  const ids = new Set(suite.scenarios.map((scenario) => scenario.id));
  const scenarios = [...suite.scenarios];
  for (const scenario of added) {
    const key = scenarioKey(scenario);
    if (keys.has(key)) continue;
    keys.add(key);
    scenarios.push({ ...scenario, id: uniqueId(scenario.id, ids) });
  }
  const generated = suite.header.generated;
  const header: SuiteHeader =
    generated === undefined || generated.generators.includes(generator)
      ? suite.header
      : {
          ...suite.header,
          generated: { ...generated, generators: [...generated.generators, generator] },
        };
  const counts = generated?.counts;
  const shortfall = { ...suite.shortfall };
  for (const category of scenarioCategories) {
    const have = scenarios.filter((scenario) => scenario.category === category).length;
    shortfall[category] = counts === undefined ? 0 : Math.max(0, counts[category] - have);
  }
  const notes = suite.notes.filter((note) => !note.includes("is not covered by any scenario"));
  return finish(header, scenarios, shortfall, notes);
}

function finish(
  header: SuiteHeader,
  scenarios: Scenario[],
  shortfall: Record<ScenarioCategory, number>,
  notes: string[],
): GeneratedSuite {
  const criteria: SuiteCriterion[] = header.criteria ?? [];
  const coverage = computeCoverage(criteria, scenarios);
  for (const row of coverage) {
    if (row.scenarios.length > 0) continue;
    notes.push(
      `${row.id} ("${row.text}") is not covered by any scenario: add an inline example to it ` +
        '(`POST /todos {"title": "Milk"}` → 201) or a model example that lists it in `criteria`',
    );
  }
  return { header, scenarios: applyCoverage(scenarios, coverage), coverage, shortfall, notes };
}

function firstDistinct(candidates: readonly Scenario[], wanted: number): Scenario[] {
  const keys = new Set<string>();
  const chosen: Scenario[] = [];
  for (const scenario of candidates) {
    if (chosen.length >= wanted) break;
    const key = scenarioKey(scenario);
    if (keys.has(key)) continue;
    keys.add(key);
    chosen.push(scenario);
  }
  return chosen;
}

function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${id}-${suffix}`;
  taken.add(candidate);
  return candidate;
}

function candidatesFor(spec: Spec, options: GenerateOptions): CandidateScenarios {
  const model = spec.model;
  if (model === undefined) {
    throw new ShopfloorError(
      "invalid-input",
      `${spec.source}: offline generation needs a structured model (a \`\`\`yaml model block ` +
        "or an OpenAPI document), or a model configured for the LLM generator; see docs/specs.md",
      { path: spec.source },
    );
  }
  const request = { spec, counts: options.counts, seed: options.seed };
  switch (model.kind) {
    case "http-service":
      return generateHttpScenarios({ ...request, model: model.model });
    case "cli":
      return generateCliScenarios({ ...request, model: model.model });
    case "library":
      return generateLibraryScenarios({ ...request, model: model.model });
  }
}

function suiteHeader(spec: Spec, options: GenerateOptions): SuiteHeader {
  const model = spec.model;
  const target = model?.kind === "cli" ? "cli" : model?.kind === "library" ? "function" : "http";
  const defaults = SuiteDefaults.parse({
    ...(target === "http" ? { timeoutMs: 5000 } : {}),
    ...(model?.kind === "cli" ? { command: model.model.command } : {}),
    ...(model?.kind === "library" ? { module: model.model.module } : {}),
  });
  return {
    name: spec.frontMatter.name,
    version: "0",
    target,
    description: spec.title,
    defaults,
    criteria: spec.criteria.map((criterion) => ({ id: criterion.id, text: criterion.text })),
    generated: {
      spec: { name: spec.frontMatter.name, hash: spec.hash },
      seed: options.seed,
      counts: { ...options.counts },
      generators: ["offline"],
    },
  };
}
