/**
 * Normal library scenarios from the model: seeded valid calls of every function — each required
 * parameter with a drawn valid value, optional ones sometimes left out — each expected not to throw and
 * to return a value that satisfies `returns`. Calls of several functions are interleaved.
 */
import type { Scenario } from "../../contracts/scenario.js";
import { seededRandom } from "../../stats/random.js";
import { titleText } from "./cli-library-shared.js";
import { deriveSeed } from "./derive-seed.js";
import { omitted } from "./field-values.js";
import type { LibraryGeneration } from "./library-generation-context.js";
import {
  callStep,
  encodeArguments,
  type LibraryFunction,
  libraryScenario,
  libraryScenarioId,
} from "./library-scenario.js";
import { interleave } from "./scenario-identity.js";

export function normalLibraryScenarios(generation: LibraryGeneration): Scenario[] {
  return interleave(generation.functions.map((definition) => validCalls(generation, definition)));
}

function validCalls(generation: LibraryGeneration, definition: LibraryFunction): Scenario[] {
  const pools = generation.pools.get(definition) ?? [];
  if (generation.baselines.get(definition) === undefined) return [];
  const random = seededRandom(deriveSeed(generation.seed, `${definition.name}/valid-calls`));
  const wanted = generation.validCallsPerFunction;
  const seen = new Set<string>();
  const scenarios: Scenario[] = [];
  for (let attempt = 0; attempt < wanted * 3 && scenarios.length < wanted; attempt += 1) {
    const values = definition.parameters.map((parameter, index) => {
      const pool = pools[index] ?? [];
      const value = pool[attempt % Math.max(1, pool.length)];
      const leftOut = value === undefined || (!parameter.required && random() < 0.25);
      return leftOut ? omitted : value;
    });
    const key = JSON.stringify(encodeArguments(values));
    if (seen.has(key)) continue;
    seen.add(key);
    const number = scenarios.length + 1;
    scenarios.push(
      libraryScenario(definition, {
        id: libraryScenarioId("normal", definition, `valid-${number}`),
        category: "normal",
        title: `${definition.name} valid call ${number} returns: ${describeCall(definition, values)}`,
        tags: [
          ...definition.parameters
            .filter((_, index) => values[index] !== omitted)
            .map((parameter) => `parameter:${parameter.name}`),
          definition.returns === undefined ? "aspect:usage" : "aspect:output",
        ],
        steps: [callStep(definition, values, true)],
      }),
    );
  }
  return scenarios;
}

/** `slugify("Hello world", 20)` for a title, cut to a readable length. */
export function describeCall(definition: LibraryFunction, values: readonly unknown[]): string {
  const shown = values.map((value) => {
    if (value === omitted || value === undefined) return "undefined";
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    return JSON.stringify(value) ?? String(value);
  });
  return titleText(`${definition.name}(${shown.join(", ")})`, 70);
}
