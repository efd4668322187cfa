/**
 * Malicious library scenarios: hostile values for every parameter of every function — prototype-pollution
 * objects (then a second, valid call that must be unaffected), values of the wrong type, a 1 MiB string,
 * and every string payload of the malicious corpus for text parameters. A value that is valid must be
 * treated as plain data; any other must throw the function's error, and nothing else.
 */
import type { Scenario, Step } from "../../contracts/scenario.js";
import type { ParameterDefinition } from "../../contracts/spec.js";
import {
  oversizedText,
  payloadFamilies,
  stringPayloads,
  structuredPayloads,
} from "../malicious/index.js";
import { titleText } from "./cli-library-shared.js";
import { isValidValue, typeConfusionValues } from "./field-values.js";
import type { LibraryGeneration } from "./library-generation-context.js";
import {
  callStep,
  type LibraryFunction,
  libraryScenario,
  libraryScenarioId,
} from "./library-scenario.js";
import { interleave } from "./scenario-identity.js";

/** Far beyond any sensible text parameter, well within what the worker's JSON lines carry. */
export const oversizedStringBytes = 1024 * 1024;

interface HostileValue {
  label: string;
  value: unknown;
  description: string;
  tags: string[];
  /** Call the function validly afterwards: the hostile call must not change later calls. */
  followWithValidCall?: boolean;
}

export function maliciousLibraryScenarios(generation: LibraryGeneration): Scenario[] {
  const perFunction = generation.functions.flatMap((definition) => {
    const baseline = generation.baselines.get(definition);
    if (baseline === undefined) return [];
    const place = (index: number, hostile: HostileValue) =>
      hostileScenario(definition, baseline, index, hostile);
    const kindsByParameter = definition.parameters.map((parameter, index) =>
      hostileValues(parameter).map((values) => values.map((hostile) => place(index, hostile))),
    );
    // Round by round: the first value of every kind for every parameter, then the second, and so on;
    // within a round, the most telling kind for every parameter before the next kind.
    return [interleave(interleave(kindsByParameter))];
  });
  return interleave(perFunction);
}

/** The hostile values for one parameter, by kind, most telling kind first. */
function hostileValues(parameter: ParameterDefinition): HostileValue[][] {
  const pollution = structuredPayloads
    .filter((payload) => payload.family === "prototype-pollution")
    .map((payload, index) => ({
      label: `prototype-pollution-${index + 1}`,
      value: payload.value,
      description: `a prototype-pollution object (${payload.note})`,
      tags: ["aspect:injection", "family:prototype-pollution"],
      followWithValidCall: true,
    }));
  const confusion = typeConfusionValues(parameter).map((value, index) => ({
    label: `type-confusion-${index + 1}`,
    value,
    description: `a value of the wrong type, ${titleText(JSON.stringify(value) ?? String(value), 30)}`,
    tags: ["aspect:type-confusion"],
  }));
  const operators = structuredPayloads
    .filter((payload) => payload.family === "nosql-operator")
    .map((payload, index) => ({
      label: `nosql-operator-${index + 1}`,
      value: payload.value,
      description: `a query operator object (${payload.note})`,
      tags: ["aspect:injection", "family:nosql-operator"],
    }));
  if (parameter.type !== "string" && parameter.type !== "email" && parameter.type !== "date") {
    return [pollution, confusion, operators];
  }
  const oversized = [
    {
      label: "oversized",
      value: oversizedText(oversizedStringBytes),
      description: `a ${oversizedStringBytes / 1024 / 1024} MiB string`,
      tags: ["aspect:oversized"],
    },
  ];
  const payloads = payloadFamilies.map((family) =>
    stringPayloads
      .filter((payload) => payload.family === family)
      .map((payload, index) => ({
        label: `${family}-${index + 1}`,
        value: payload.value,
        description: `${titleText(payload.value, 40)} (${payload.note})`,
        tags: ["aspect:injection", `family:${family}`],
      })),
  );
  return [pollution, oversized, confusion, ...payloads, operators];
}

function hostileScenario(
  definition: LibraryFunction,
  baseline: readonly unknown[],
  index: number,
  hostile: HostileValue,
): Scenario {
  const parameter = definition.parameters[index] as ParameterDefinition;
  const values = baseline.map((value, position) => (position === index ? hostile.value : value));
  const valid = isValidValue(parameter, hostile.value);
  const steps: Step[] = [callStep(definition, values, valid)];
  if (hostile.followWithValidCall) steps.push(callStep(definition, baseline, true));
  const outcome = valid ? "treated as plain data" : `throws ${definition.throws}`;
  const after = hostile.followWithValidCall ? ", and a later valid call is unaffected" : "";
  return libraryScenario(definition, {
    id: libraryScenarioId("malicious", definition, parameter.name, hostile.label),
    category: "malicious",
    title: `${definition.name}: ${parameter.name} = ${hostile.description} — ${outcome}${after}`,
    tags: [`parameter:${parameter.name}`, ...hostile.tags],
    steps,
  });
}
