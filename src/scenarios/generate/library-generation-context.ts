/**
 * What the three library category generators work from, computed once per request: the model's
 * functions, seeded valid values for each parameter, each function's baseline call (every parameter with
 * a valid value), how many valid calls to offer, and the notes collected on the way.
 */
import type { LibraryModel, Spec } from "../../contracts/spec.js";
import { deriveSeed } from "./derive-seed.js";
import { boundaryCases, omitted, validValues } from "./field-values.js";
import type { KindGeneratorRequest } from "./kind-generator.js";
import { type LibraryFunction, libraryFunctions } from "./library-scenario.js";

export interface LibraryGeneration {
  spec: Spec;
  model: LibraryModel;
  functions: LibraryFunction[];
  /** Valid values per parameter, in parameter order. */
  pools: Map<LibraryFunction, unknown[][]>;
  /** Undefined for a function with a required parameter that no valid value could be made for. */
  baselines: Map<LibraryFunction, unknown[] | undefined>;
  validCallsPerFunction: number;
  /** Edge scenarios to offer before variations stop (boundaries in other valid calls). */
  edgeWanted: number;
  seed: number;
  notes: string[];
}

export function libraryGenerationContext(
  request: KindGeneratorRequest<LibraryModel>,
): LibraryGeneration {
  const notes: string[] = [];
  const functions = libraryFunctions(request.model);
  const wanted = Math.ceil(request.counts.normal * 1.25) + 5;
  const validCallsPerFunction = Math.ceil(wanted / functions.length);
  const pools = new Map<LibraryFunction, unknown[][]>();
  const baselines = new Map<LibraryFunction, unknown[] | undefined>();
  for (const definition of functions) {
    const functionPools = definition.parameters.map((parameter) => {
      const key = `${definition.name}/${parameter.name}`;
      const seed = deriveSeed(request.seed, key);
      const values = validValues(parameter, seed, validCallsPerFunction);
      if (values.length > 0) return values;
      // A field too narrow to draw from may still have valid boundary values.
      return boundaryCases(parameter, { required: parameter.required })
        .filter((boundary) => boundary.valid && boundary.value !== omitted)
        .map((boundary) => boundary.value);
    });
    pools.set(definition, functionPools);
    const baseline = baselineCall(functionPools, 0);
    const impossible = definition.parameters.filter(
      (parameter, index) => parameter.required && baseline[index] === omitted,
    );
    for (const parameter of impossible) {
      notes.push(
        `no valid value could be made for parameter ${parameter.name} of ${definition.name}; only calls that need none were made`,
      );
    }
    baselines.set(definition, impossible.length > 0 ? undefined : baseline);
  }
  return {
    spec: request.spec,
    model: request.model,
    functions,
    pools,
    baselines,
    validCallsPerFunction,
    edgeWanted: Math.ceil(request.counts.edge * 1.25),
    seed: request.seed,
    notes,
  };
}

/**
 * Every parameter with a valid value — the first drawn, or the `variant`-th for a variation — and
 * `omitted` where none could be made.
 */
export function baselineCall(pools: readonly (readonly unknown[])[], variant: number): unknown[] {
  return pools.map((pool) => {
    const value = pool[variant % Math.max(1, pool.length)];
    return value === undefined ? omitted : value;
  });
}
