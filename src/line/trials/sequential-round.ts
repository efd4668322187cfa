/**
 * More trials, decided sequentially. When a build's verdict is `more-trials`, the next round adds new
 * scenarios of the inconclusive categories to its suite (distinct from every scenario already there,
 * made by the offline generators with a seed derived from the round) and judges all the evidence again:
 * round 1 by the fixed-n gate, later rounds by Wald's SPRT (judge-build.ts).
 */
import type { GateVerdict } from "../../contracts/gate-verdict.js";
import type { Scenario, Suite, SuiteCriterion, SuiteHeader } from "../../contracts/scenario.js";
import { type ScenarioCategory, scenarioCategories } from "../../contracts/scenario-category.js";
import type { Spec } from "../../contracts/spec.js";
import { distinctNewScenarios, mergeCriteria } from "../../scenarios/distinct-scenarios.js";
import { deriveSeed } from "../../scenarios/generate/derive-seed.js";
import { generateSuite } from "../../scenarios/generate/generate-suite.js";
import { expectedScenariosToAccept, sequentialPlan } from "./sequential-category.js";

export { judgeBuild } from "./judge-build.js";

/** A round adds at least this many scenarios to each inconclusive category. */
export const defaultMinimumPerCategory = 10;

/** Generator runs with fresh seeds before a round settles for fewer scenarios than it wanted. */
const maximumDraws = 4;

export interface RoundOptions {
  /** The line's seed (config.line.seed); each round and draw derives its own from it. */
  seed: number;
  /** The round the new scenarios are for: 2 for the first extension. */
  round: number;
  minimumPerCategory?: number;
}

export interface ExtendedSuite {
  header: SuiteHeader;
  /** Every scenario of the suite, then the new ones. */
  scenarios: Scenario[];
  /** New scenarios per category; fewer than wanted when the model cannot make more distinct ones. */
  added: Record<ScenarioCategory, number>;
}

/**
 * What the next round asks for, per inconclusive category: the verdict's further scenarios (enough if
 * they all pass), at least the minimum, and at least what the sequential test needs on average to
 * accept a build failing at half the allowed rate. Without that last term a good but imperfect build
 * is rarely decided before the rounds run out (ADR 0007 has the figures).
 */
export function scenariosWanted(
  verdict: GateVerdict,
  minimumPerCategory = defaultMinimumPerCategory,
): Record<ScenarioCategory, number> {
  const wanted = { normal: 0, edge: 0, malicious: 0 };
  for (const report of verdict.categories) {
    if (report.status !== "inconclusive") continue;
    const expected =
      report.threshold === null || report.confidence === null
        ? 0
        : expectedScenariosToAccept(sequentialPlan(report.threshold, report.confidence), {
            trials: report.scenarios,
            failures: report.failed,
          });
    wanted[report.category] = Math.max(
      report.additionalScenariosNeeded ?? 0,
      minimumPerCategory,
      expected,
    );
  }
  return wanted;
}

/**
 * The suite of the next round, to be saved as a new version by the caller. Deterministic: the same
 * spec, suite, verdict and options give the same scenarios, so a resumed gate job saves the same
 * version. A spec without a structured model cannot be extended offline: nothing is added.
 */
export function extendSuiteForRound(
  spec: Spec,
  suite: Suite,
  verdict: GateVerdict,
  options: RoundOptions,
): ExtendedSuite {
  const wanted = scenariosWanted(verdict, options.minimumPerCategory);
  const added = { normal: 0, edge: 0, malicious: 0 };
  const scenarios = [...suite.scenarios];
  const generators = [...(suite.header.generated?.generators ?? [])];
  let criteria: SuiteCriterion[] | undefined = suite.header.criteria;
  const short = () => scenarioCategories.some((category) => added[category] < wanted[category]);
  for (let draw = 0; spec.model !== undefined && short() && draw < maximumDraws; draw += 1) {
    const seed = deriveSeed(options.seed, `round-${options.round}/draw-${draw + 1}`);
    const counts = { normal: 0, edge: 0, malicious: 0 };
    for (const category of scenarioCategories) {
      const missing = wanted[category] - added[category];
      // The generators start with the same deterministic cases whatever the seed: ask for as many
      // more as the suite has already, so that enough distinct ones remain after those.
      if (missing > 0) counts[category] = countOf(scenarios, category) + missing;
    }
    const generated = generateSuite(spec, { seed, counts });
    let drawn = 0;
    for (const category of scenarioCategories) {
      const candidates = generated.scenarios.filter((scenario) => scenario.category === category);
      const fresh = distinctNewScenarios(scenarios, candidates).slice(
        0,
        Math.max(wanted[category] - added[category], 0),
      );
      scenarios.push(...fresh);
      added[category] += fresh.length;
      drawn += fresh.length;
    }
    if (drawn === 0) continue;
    generators.push(`offline:seed=${seed}`);
    criteria = mergeCriteria(criteria, generated.header.criteria);
  }
  const provenance = suite.header.generated;
  const header: SuiteHeader = {
    ...suite.header,
    ...(criteria ? { criteria } : {}),
    ...(provenance ? { generated: { ...provenance, generators } } : {}),
  };
  return { header, scenarios, added };
}

function countOf(scenarios: readonly Scenario[], category: ScenarioCategory): number {
  return scenarios.filter((scenario) => scenario.category === category).length;
}
