/**
 * Specs and helpers for the http generator's tests (imported by tests only): a todo service, and an
 * inventory with a unique patterned SKU, a readOnly stock and actions with rules, built directly as the
 * spec reader would build them; the loader's schema check; templates rendered as a trial renders them.
 */
import { type HttpStep, SuiteHeader } from "../../src/contracts/scenario.js";
import {
  type AcceptanceCriterion,
  HttpServiceModel,
  type Spec,
  type SpecModel,
} from "../../src/contracts/spec.js";
import { scenarioSchemaFor } from "../../src/scenarios/scenario-schema.js";
import { renderTemplate } from "../../src/scenarios/template.js";

export const todoModel = HttpServiceModel.parse({
  entities: {
    todo: {
      fields: {
        title: { type: "string", required: true, minLength: 1, maxLength: 200 },
        done: { type: "boolean", default: false },
        priority: { type: "integer", min: 1, max: 5, default: 3 },
        due: { type: "date" },
      },
    },
  },
});

export const inventoryModel = HttpServiceModel.parse({
  entities: {
    product: {
      path: "/products",
      fields: {
        sku: { type: "string", required: true, unique: true, pattern: "^[A-Z]{3}-[0-9]{4}$" },
        name: { type: "string", required: true, minLength: 1, maxLength: 100 },
        stock: { type: "integer", readOnly: true, default: 0, min: 0, max: 100000 },
        active: { type: "boolean", readOnly: true, default: true },
      },
      actions: {
        restock: {
          input: { quantity: { type: "integer", required: true, min: 1, max: 10000 } },
          effects: { stock: "stock + quantity" },
        },
        reserve: {
          input: { quantity: { type: "integer", required: true, min: 1, max: 1000 } },
          requires: [
            { check: "active", status: 409, error: "product is discontinued" },
            { check: "quantity <= stock", status: 409, error: "not enough stock" },
          ],
          effects: { stock: "stock - quantity" },
        },
        discontinue: { effects: { active: "false" } },
      },
    },
  },
});

export function criterion(
  id: string,
  text: string,
  examples: AcceptanceCriterion["examples"] = [],
) {
  return { id, text, line: 1, examples };
}

export function httpSpec(
  name: string,
  model: HttpServiceModel,
  criteria: AcceptanceCriterion[] = [],
): Spec {
  const specModel: SpecModel = { kind: "http-service", model };
  return {
    source: `${name}.md`,
    hash: `hash-of-${name}`,
    frontMatter: { name, kind: "http-service" },
    title: `The ${name} service`,
    prose: [],
    criteria,
    model: specModel,
  };
}

/** Checks scenarios as the suite loader would, in an http suite; returns each problem as text. */
export function schemaProblems(scenarios: readonly unknown[]): string[] {
  const schema = scenarioSchemaFor(SuiteHeader.parse({ name: "test", version: 1, target: "http" }));
  return scenarios.flatMap((scenario) => {
    const parsed = schema.safeParse(scenario);
    if (parsed.success) return [];
    const id = (scenario as { id?: string }).id;
    return parsed.error.issues.map((issue) => `${id} ${issue.path.join(".")}: ${issue.message}`);
  });
}

/** The step values as a trial renders them, with a fixed token and the captures a test supplies. */
export function rendered(value: unknown, captures: Record<string, unknown> = {}): unknown {
  return renderTemplate(value, {
    trial: { token: "abcde12345", unique: "u-1", attempt: 1 },
    ...captures,
  });
}

/** The value, or a failed test saying what was missing. */
export function present<Value>(value: Value | null | undefined, what: string): Value {
  if (value === undefined || value === null) throw new Error(`expected ${what}`);
  return value;
}

/** The scenario with this id, or a failed test. */
export function scenarioNamed<Named extends { id: string }>(
  scenarios: Iterable<Named>,
  id: string,
): Named {
  return present(
    [...scenarios].find((scenario) => scenario.id === id),
    `a scenario ${id}`,
  );
}

/** A step of an http scenario by position; negative positions count from the end. */
export function stepOf(scenario: { id: string; steps: HttpStep[] }, index: number): HttpStep {
  return present(scenario.steps.at(index), `step ${index} of ${scenario.id}`);
}
