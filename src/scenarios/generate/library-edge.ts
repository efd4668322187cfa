/**
 * Edge library scenarios: every boundary case of every parameter (left out, at and past its bounds and
 * lengths, other scripts, pattern near misses, each enum value), put into the function's valid baseline
 * call. A valid value must not throw and must return what `returns` says; an invalid one, or one left
 * out while required, must throw the function's error. Parameters and functions are interleaved, so the
 * first scenarios touch every parameter.
 */
import type { Scenario } from "../../contracts/scenario.js";
import { distinctScenarios } from "./cli-library-shared.js";
import { boundaryCases, omitted } from "./field-values.js";
import { baselineCall, type LibraryGeneration } from "./library-generation-context.js";
import { describeCall } from "./library-normal.js";
import {
  callStep,
  type LibraryFunction,
  libraryScenario,
  libraryScenarioId,
} from "./library-scenario.js";
import { interleave } from "./scenario-identity.js";

export function edgeLibraryScenarios(generation: LibraryGeneration): Scenario[] {
  const casesIn = (variant: number) =>
    interleave(
      generation.functions.map((definition) => {
        if (generation.baselines.get(definition) === undefined) return [];
        const baseline = baselineCall(generation.pools.get(definition) ?? [], variant);
        return interleave(
          definition.parameters.map((_, index) =>
            parameterBoundaries(definition, baseline, index, variant),
          ),
        );
      }),
    );
  const scenarios = casesIn(0);
  // Few parameters give few cases: the same cases in other valid calls, until there are enough.
  for (let variant = 1; variant <= maximumVariants; variant += 1) {
    if (distinctScenarios(scenarios).length >= generation.edgeWanted) break;
    scenarios.push(...casesIn(variant));
  }
  return scenarios;
}

const maximumVariants = 5;

function parameterBoundaries(
  definition: LibraryFunction,
  baseline: readonly unknown[],
  index: number,
  variant: number,
): Scenario[] {
  const parameter = definition.parameters[index];
  if (parameter === undefined) return [];
  const cases = boundaryCases(parameter, { required: parameter.required });
  // Leaving out a required parameter is the most telling case; the others keep their order.
  const ordered = [
    ...cases.filter((boundary) => boundary.value === omitted),
    ...cases.filter((boundary) => boundary.value !== omitted),
  ];
  return ordered.map((boundary) => {
    const values = baseline.map((value, position) => (position === index ? boundary.value : value));
    const outcome = boundary.valid ? "returns" : `throws ${definition.throws}`;
    return libraryScenario(definition, {
      id: libraryScenarioId(
        "edge",
        definition,
        parameter.name,
        variant > 0 ? `${boundary.label}-v${variant + 1}` : boundary.label,
      ),
      category: "edge",
      title: `${definition.name}: ${parameter.name} ${boundary.note} — ${outcome}: ${describeCall(definition, values)}`,
      tags: [
        `parameter:${parameter.name}`,
        boundary.valid ? "aspect:boundary" : "aspect:validation",
      ],
      steps: [callStep(definition, values, boundary.valid)],
    });
  });
}
