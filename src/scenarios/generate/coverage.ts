/**
 * Which scenarios show which acceptance criterion. Examples carry their criteria explicitly (`covers`);
 * other criteria are matched by a deterministic heuristic over the criterion's words and the scenarios'
 * tags (docs/generation.md): the entities, fields and actions it names, the operations its verbs mean,
 * and the aspects its keywords and status codes mean. A criterion covers its best-matching scenarios,
 * at most `coverageCap` of them.
 */
import type { Scenario, SuiteCriterion } from "../../contracts/scenario.js";
import { criterionSignals, type Signals } from "./criterion-signals.js";

export interface CriterionCoverage {
  id: string;
  text: string;
  /** Ids of the scenarios covering it; [] = uncovered. */
  scenarios: string[];
}

export const coverageCap = 20;

const weights = { entity: 2, field: 3, action: 3, operation: 2, aspect: 2, family: 3 };

/** The names scenario tags refer to: `entity:todo` → todo, also its request paths as `path:/todos`. */
function tagNames(scenarios: readonly Scenario[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const scenario of scenarios) {
    for (const tag of scenario.tags) {
      const [kind, name] = splitTag(tag);
      if (name !== undefined && ["entity", "field", "action"].includes(kind)) names.set(tag, name);
    }
    const entity = scenario.tags.find((tag) => tag.startsWith("entity:"));
    const first = scenario.steps[0];
    if (entity && first && "request" in first) {
      const segment = /^\/[A-Za-z0-9_-]+/.exec(first.request.path)?.[0];
      if (segment) names.set(`path:${segment}`, segment);
    }
  }
  return names;
}

function splitTag(tag: string): [string, string | undefined] {
  const colon = tag.indexOf(":");
  return colon < 0 ? [tag, undefined] : [tag.slice(0, colon), tag.slice(colon + 1)];
}

function score(signals: Signals, scenario: Scenario, pathOf: ReadonlyMap<string, string>): number {
  const tags = new Set(scenario.tags);
  const entityTag = scenario.tags.find((tag) => tag.startsWith("entity:"));
  const entityPath = entityTag === undefined ? undefined : pathOf.get(entityTag);
  const namedEntities = [...signals.subjects].filter(
    (tag) => tag.startsWith("entity:") || tag.startsWith("path:"),
  );
  const entityHit = namedEntities.some((tag) => tags.has(tag) || tag === entityPath);
  if (namedEntities.length > 0 && !entityHit) return 0;
  let total = entityHit ? weights.entity : 0;
  // Fields count once: a scenario that touches many fields is no better evidence than one that tests one.
  const named = [...signals.subjects].filter((tag) => tags.has(tag));
  if (named.some((tag) => tag.startsWith("field:"))) total += weights.field;
  total += named.filter((tag) => tag.startsWith("action:")).length * weights.action;
  for (const operation of signals.operations) {
    if (tags.has(`operation:${operation}`)) total += weights.operation;
  }
  for (const aspect of signals.aspects) if (tags.has(`aspect:${aspect}`)) total += weights.aspect;
  for (const family of signals.families) if (tags.has(`family:${family}`)) total += weights.family;
  const onlyEntity = total === weights.entity && entityHit;
  const saysMore =
    signals.operations.size + signals.aspects.size + signals.families.size + signals.subjects.size >
    namedEntities.length;
  return onlyEntity && saysMore ? 0 : total;
}

/** The path of each entity, as the first segment of its scenarios' requests. */
function entityPaths(scenarios: readonly Scenario[]): Map<string, string> {
  const paths = new Map<string, string>();
  for (const scenario of scenarios) {
    const entity = scenario.tags.find((tag) => tag.startsWith("entity:"));
    const first = scenario.steps[0];
    if (!entity || paths.has(entity) || !first || !("request" in first)) continue;
    const segment = /^\/[A-Za-z0-9_-]+/.exec(first.request.path)?.[0];
    if (segment) paths.set(entity, `path:${segment}`);
  }
  return paths;
}

export function computeCoverage(
  criteria: readonly SuiteCriterion[],
  scenarios: readonly Scenario[],
): CriterionCoverage[] {
  const names = tagNames(scenarios);
  const paths = entityPaths(scenarios);
  return criteria.map((criterion) => {
    const explicit = scenarios
      .filter((scenario) => scenario.covers?.includes(criterion.id))
      .map((scenario) => scenario.id);
    const signals = criterionSignals(criterion.text, names);
    const scored = scenarios
      .map((scenario, order) => ({
        id: scenario.id,
        order,
        points: score(signals, scenario, paths),
      }))
      .filter((entry) => entry.points >= 2);
    const best = Math.max(0, ...scored.map((entry) => entry.points));
    const heuristic = scored
      .filter((entry) => entry.points >= best * 0.75)
      .sort((left, right) => right.points - left.points || left.order - right.order)
      .map((entry) => entry.id);
    const ids = [...new Set([...explicit, ...heuristic])].slice(
      0,
      Math.max(coverageCap, explicit.length),
    );
    return { id: criterion.id, text: criterion.text, scenarios: ids };
  });
}

/** Sets each scenario's `covers` from the coverage (explicit covers kept), in criteria order. */
export function applyCoverage(
  scenarios: readonly Scenario[],
  coverage: readonly CriterionCoverage[],
): Scenario[] {
  const byScenario = new Map<string, string[]>();
  for (const row of coverage) {
    for (const id of row.scenarios) byScenario.set(id, [...(byScenario.get(id) ?? []), row.id]);
  }
  return scenarios.map((scenario) => {
    const covers = [
      ...new Set([...(scenario.covers ?? []), ...(byScenario.get(scenario.id) ?? [])]),
    ];
    const { covers: _previous, ...rest } = scenario;
    return covers.length > 0 ? { ...rest, covers } : rest;
  });
}
