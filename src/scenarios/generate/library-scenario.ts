/**
 * The pieces every library scenario is built from: the model's functions, argument lists as the function
 * runner carries them (a value JSON cannot hold is tagged: `{ "$undefined": true }`), what a valid and an
 * invalid call expect per the conventions, and scenarios whose strings reach the function as written.
 */
import { engineErrorNames } from "../../contracts/observation.js";
import type { Assertion, Scenario, Step } from "../../contracts/scenario.js";
import type { ScenarioCategory } from "../../contracts/scenario-category.js";
import type { FieldDefinition, LibraryModel, ParameterDefinition } from "../../contracts/spec.js";
import { escapeTemplate } from "../template.js";
import { idPart } from "./cli-library-shared.js";
import { omitted } from "./field-values.js";
import { returnsSchema } from "./library-returns-schema.js";

export interface LibraryFunction {
  name: string;
  parameters: ParameterDefinition[];
  returns: FieldDefinition | undefined;
  /** The error name an invalid argument throws. */
  throws: string;
}

export function libraryFunctions(model: LibraryModel): LibraryFunction[] {
  return Object.entries(model.functions).map(([name, definition]) => ({
    name,
    parameters: definition.parameters,
    returns: definition.returns,
    throws: definition.throws,
  }));
}

/**
 * Values as the function runner carries them: `omitted` at the end is left out, elsewhere (and
 * undefined) it is `{ $undefined: true }`; NaN and ±Infinity are `{ $number }`, a BigInt `{ $bigint }`;
 * every string is escaped so that a `{{` reaches the function as written.
 */
export function encodeArguments(values: readonly unknown[]): unknown[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === omitted) end -= 1;
  return values.slice(0, end).map(encodeValue);
}

export function encodeValue(value: unknown): unknown {
  if (value === omitted || value === undefined) return { $undefined: true };
  if (typeof value === "string") return escapeTemplate(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : { $number: String(value) };
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (typeof value === "object" && value !== null) {
    // defineProperty keeps an own "__proto__" key (a pollution probe) a key, not a prototype.
    const encoded: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(encoded, key, {
        value: encodeValue(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return encoded;
  }
  return value;
}

export function callStep(
  definition: LibraryFunction,
  values: readonly unknown[],
  valid: boolean,
): Step {
  return {
    call: { export: definition.name, args: encodeArguments(values) },
    expect: valid ? validCallExpectations(definition) : invalidCallExpectations(definition),
  };
}

/** No throw (the runner's own rule), and a value satisfying `returns` when the model gives it. */
export function validCallExpectations(definition: LibraryFunction): Assertion[] {
  if (definition.returns === undefined) return [];
  return [{ jsonSchema: returnsSchema(definition.returns) }];
}

export function invalidCallExpectations(definition: LibraryFunction): Assertion[] {
  return [{ throws: { name: definition.throws } }];
}

/** An expected engine error is the point of the scenario, not a crash: the check is turned off. */
export function robustnessFor(
  definition: LibraryFunction,
  steps: readonly Step[],
): { robustness?: false } {
  const expectsEngineError = steps.some((step) =>
    step.expect.some(
      (assertion) =>
        "throws" in assertion &&
        assertion.throws !== true &&
        engineErrorNames.includes(assertion.throws.name ?? definition.throws),
    ),
  );
  return expectsEngineError ? { robustness: false } : {};
}

/** `edge/slugify/text/longest`. */
export function libraryScenarioId(
  category: ScenarioCategory,
  definition: LibraryFunction,
  ...parts: string[]
): string {
  return [category, idPart(definition.name), ...parts.map(idPart)].join("/");
}

export interface LibraryScenarioDraft {
  id: string;
  category: ScenarioCategory;
  title: string;
  tags: string[];
  steps: Step[];
}

export function libraryScenario(
  definition: LibraryFunction,
  draft: LibraryScenarioDraft,
): Scenario {
  return {
    id: draft.id,
    category: draft.category,
    title: draft.title,
    tags: [`function:${definition.name}`, ...draft.tags],
    ...robustnessFor(definition, draft.steps),
    steps: draft.steps,
  };
}
