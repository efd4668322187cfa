/**
 * The offline generator for http services: from the structured model, candidate scenarios per category,
 * most valuable first — the spec's own examples, then every kind of check once (interleaved across
 * entities, fields and payload families), then seeded variations of the normal ones until enough are
 * distinct. Edge scenarios come in two tiers: first both sides of every bound at two places each (and the
 * duplicates, body sizes and requests outside the routes that services get wrong most), then the rest.
 * `generateSuite` takes the first distinct ones up to the requested counts.
 */
import type { Scenario } from "../../contracts/scenario.js";
import type { ScenarioCategory } from "../../contracts/scenario-category.js";
import type { HttpServiceModel } from "../../contracts/spec.js";
import { actionSequence } from "./http-actions.js";
import { type EntityInfo, HttpContext } from "./http-context.js";
import { actionBoundaryScenarios, actionEdgeScenarios } from "./http-edge-actions.js";
import {
  createBoundaryScenarios,
  defaultScenarios,
  forbiddenFieldScenarios,
  updateBoundaryScenarios,
} from "./http-edge-fields.js";
import { paginationPairScenarios, paginationScenarios } from "./http-edge-pagination.js";
import { fieldPairScenarios } from "./http-edge-pairs.js";
import {
  duplicateScenarios,
  notDuplicateScenarios,
  notFoundScenarios,
} from "./http-edge-records.js";
import { bodySizeScenarios, outsideRouteScenarios } from "./http-edge-requests.js";
import { criterionExampleScenarios, modelExampleScenarios } from "./http-examples.js";
import { stringPayloadScenarios, wrongShapeScenarios } from "./http-malicious-fields.js";
import {
  headerAbuseScenarios,
  hostileIdScenarios,
  oversizedScenarios,
  pollutionScenarios,
  rawBodyScenarios,
} from "./http-malicious-requests.js";
import {
  createAndReadBack,
  healthScenario,
  pagedList,
  updateAndReadBack,
  type VariantBuilder,
  wholeFlow,
} from "./http-normal.js";
import type { CandidateScenarios, KindGeneratorRequest } from "./kind-generator.js";
import { interleave, scenarioKey } from "./scenario-identity.js";

const variationBuilders: VariantBuilder[] = [
  createAndReadBack,
  wholeFlow,
  pagedList,
  updateAndReadBack,
  actionSequence,
];
/** Rounds of variations in a row that add nothing new before the model is taken as exhausted. */
const fruitlessRounds = 12;

export function generateHttpScenarios(
  request: KindGeneratorRequest<HttpServiceModel>,
): CandidateScenarios {
  const context = new HttpContext(request.model, request.seed);
  const examples = [
    ...modelExampleScenarios(context),
    ...criterionExampleScenarios(context, request.spec.criteria),
  ];
  const ofCategory = (category: ScenarioCategory) =>
    examples.filter((scenario) => scenario.category === category);
  const normal = [
    ...ofCategory("normal"),
    healthScenario(context),
    ...variations(context, request.counts.normal),
  ];
  const edge = [
    ...ofCategory("edge"),
    ...interleave(context.entities.flatMap((entity) => boundaryEdgeLists(context, entity))),
    ...interleave(context.entities.flatMap((entity) => otherEdgeLists(context, entity))),
  ];
  const malicious = [
    ...ofCategory("malicious"),
    ...interleave(context.entities.flatMap((entity) => maliciousLists(context, entity))),
  ];
  return { scenarios: [...normal, ...edge, ...malicious], notes: context.notes };
}

/** Seeded variations of the normal scenarios, round by round, until `wanted` are distinct. */
function variations(context: HttpContext, wanted: number): Scenario[] {
  const scenarios: Scenario[] = [];
  const keys = new Set<string>();
  let idle = 0;
  for (let variant = 0; keys.size < wanted && idle < fruitlessRounds; variant += 1) {
    const before = keys.size;
    for (const entity of context.entities) {
      for (const build of variationBuilders) {
        const scenario = build(context, entity, variant);
        if (!scenario) continue;
        const key = scenarioKey(scenario);
        if (keys.has(key)) continue;
        keys.add(key);
        scenarios.push(scenario);
      }
    }
    idle = keys.size === before ? idle + 1 : 0;
  }
  return scenarios;
}

/** Ids no record has, in the first tier: two, so a missing not-found check fails twice. */
const notFoundFirst = 2;

/**
 * The first tier: a missing check fails the refused side of a bound twice, a flipped comparison or a
 * bound off by one the accepted side twice, so one such fault fails at least two edge scenarios.
 */
function boundaryEdgeLists(context: HttpContext, entity: EntityInfo): Scenario[][] {
  return [
    ...fieldPairScenarios(context, entity),
    duplicateScenarios(context, entity),
    notFoundScenarios(context, entity).slice(0, notFoundFirst),
    paginationPairScenarios(context, entity),
    bodySizeScenarios(context, entity),
    outsideRouteScenarios(context, entity),
    ...actionBoundaryScenarios(context, entity),
  ];
}

function otherEdgeLists(context: HttpContext, entity: EntityInfo): Scenario[][] {
  return [
    forbiddenFieldScenarios(context, entity),
    notFoundScenarios(context, entity).slice(notFoundFirst),
    defaultScenarios(context, entity),
    ...createBoundaryScenarios(context, entity),
    notDuplicateScenarios(context, entity),
    paginationScenarios(context, entity),
    ...actionEdgeScenarios(context, entity),
    ...updateBoundaryScenarios(context, entity),
  ];
}

function maliciousLists(context: HttpContext, entity: EntityInfo): Scenario[][] {
  return [
    ...stringPayloadScenarios(context, entity),
    pollutionScenarios(context, entity),
    rawBodyScenarios(context, entity),
    oversizedScenarios(context, entity),
    headerAbuseScenarios(context, entity),
    ...hostileIdScenarios(context, entity),
    ...wrongShapeScenarios(context, entity),
  ];
}
