/**
 * Scenarios made fit to replay against a long-lived service. A trial session starts each build fresh,
 * but production keeps its records: a scenario that creates a record with a fixed value for a field the
 * spec declares unique (an SKU that must match `^[A-Z]{3}-[0-9]{4}$` cannot carry the trial's token)
 * would meet its own earlier record the second time and be refused with a conflict, which says nothing
 * about the release. So each replay gets fresh values: every letter and digit of the fixed value drawn
 * again from its own class (`MXX-0466` → `QZB-8123`), kept only if the field still accepts it, and
 * replaced everywhere in the scenario (requests and expectations alike). A scenario whose value cannot
 * be freshened so is left out. Template values (`{{ trial.token }}`) are fresh on every run already.
 */
import { createHash } from "node:crypto";
import type { Scenario, Suite } from "../contracts/scenario.js";
import type { FieldDefinition, Spec } from "../contracts/spec.js";
import { isValidValue } from "../scenarios/generate/is-valid-value.js";
import { type RandomSource, spreadSeedRandom } from "../stats/random.js";

/**
 * A seed for one replay (`replaySeed(release, "smoke")`, `replaySeed(release, "canary", round)`): each
 * use of a service needs values of its own, so seeds are never reused across uses. The monitor's cycle
 * numbers, unique across processes, are seeds of their own.
 */
export function replaySeed(...parts: readonly (string | number)[]): number {
  return createHash("sha256").update(parts.join("\u0000")).digest().readInt32BE(0);
}

/** The suite's scenarios with fresh unique values (seeded: the same seed, the same values). */
export function replayableSuite(suite: Suite, spec: Spec, seed: number): Suite {
  const uniqueFields = uniqueFieldsOf(spec);
  const random = spreadSeedRandom(seed);
  const scenarios = suite.scenarios.flatMap((scenario) => {
    const fresh = freshenScenario(scenario, uniqueFields, random);
    return fresh === undefined ? [] : [fresh];
  });
  return { ...suite, scenarios };
}

/** The fields the spec's model declares unique, of any entity, by name. */
export function uniqueFieldsOf(spec: Spec): Map<string, FieldDefinition> {
  const fields = new Map<string, FieldDefinition>();
  if (spec.model?.kind !== "http-service") return fields;
  for (const entity of Object.values(spec.model.model.entities)) {
    for (const [name, field] of Object.entries(entity.fields)) {
      if (field.unique) fields.set(name, field);
    }
  }
  return fields;
}

/** The scenario with its fixed unique values replaced, or undefined when one cannot be. */
export function freshenScenario(
  scenario: Scenario,
  uniqueFields: ReadonlyMap<string, FieldDefinition>,
  random: RandomSource,
): Scenario | undefined {
  const fixed = new Map<string, FieldDefinition>();
  for (const step of scenario.steps) {
    if ("request" in step) collectFixedValues(step.request.json, uniqueFields, fixed);
  }
  const replacements = new Map<string, string>();
  for (const [value, field] of fixed) {
    const fresh = freshValue(value, field, random);
    if (fresh === undefined) return undefined;
    replacements.set(value, fresh);
  }
  if (replacements.size === 0) return scenario;
  return { ...scenario, steps: replaceStrings(scenario.steps, replacements) as Scenario["steps"] };
}

function collectFixedValues(
  value: unknown,
  uniqueFields: ReadonlyMap<string, FieldDefinition>,
  fixed: Map<string, FieldDefinition>,
): void {
  if (Array.isArray(value)) {
    for (const item of value) collectFixedValues(item, uniqueFields, fixed);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    const field = uniqueFields.get(key);
    if (field !== undefined && typeof item === "string" && item !== "" && !item.includes("{{")) {
      fixed.set(item, field);
    }
    collectFixedValues(item, uniqueFields, fixed);
  }
}

const alphabets = [
  "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  "abcdefghijklmnopqrstuvwxyz",
  "0123456789",
] as const;
const attempts = 20;

/** The value with each letter and digit drawn again from its class, if the field accepts the result. */
function freshValue(
  value: string,
  field: FieldDefinition,
  random: RandomSource,
): string | undefined {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const candidate = [...value]
      .map((character) => {
        const alphabet = alphabets.find((letters) => letters.includes(character));
        if (alphabet === undefined) return character;
        return alphabet[Math.floor(random() * alphabet.length)] as string;
      })
      .join("");
    if (candidate !== value && isValidValue(field, candidate)) return candidate;
  }
  return undefined;
}

function replaceStrings(value: unknown, replacements: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") {
    let text = value;
    for (const [from, to] of replacements) text = text.replaceAll(from, to);
    return text;
  }
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, replacements));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceStrings(item, replacements)]),
    );
  }
  return value;
}
