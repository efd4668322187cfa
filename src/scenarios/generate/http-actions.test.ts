import { describe, expect, it } from "vitest";
import {
  inventoryModel,
  present,
  rendered,
  schemaProblems,
  todoModel,
} from "../../../test/support/http-test-specs.js";
import { seededRandom } from "../../stats/random.js";
import { type RecordState, simulateAction } from "./action-simulation.js";
import { actionInput, actionSequence, actionStep } from "./http-actions.js";
import { HttpContext } from "./http-context.js";

const context = new HttpContext(inventoryModel, 3);
const product = present(context.entities[0], "the product entity");
const action = (name: string) => present(product.definition.actions[name], `action ${name}`);
const fresh = { sku: "ABC-1234", name: "Hammer", stock: 0, active: true };

function knownOutcome(name: string, state: RecordState, input: RecordState) {
  const outcome = simulateAction(inventoryModel, product, action(name), state, input);
  if (outcome.kind === "unknown") throw new Error(`cannot predict ${name}`);
  return outcome;
}

describe("action steps", () => {
  it("expects the changed record when the action applies", () => {
    const input = { quantity: 4 };
    const outcome = knownOutcome("restock", fresh, input);
    const { step, state } = actionStep(context, product, "restock", input, outcome, fresh);
    expect(step.request).toMatchObject({
      method: "POST",
      path: "/products/{{ created.id }}/restock",
      json: input,
    });
    expect(state.stock).toBe(4);
    expect(step.expect).toContainEqual({ jsonSubset: { ...fresh, stock: 4 } });
  });

  it("expects the rule's status and error when a rule refuses, and the record unchanged", () => {
    const input = { quantity: 1 };
    const outcome = knownOutcome("reserve", fresh, input);
    const { step, state } = actionStep(context, product, "reserve", input, outcome, fresh);
    expect(step.expect[0]).toEqual({ status: 409 });
    expect(step.expect).toContainEqual({ jsonSubset: { error: "not enough stock" } });
    expect(state).toBe(fresh);
  });

  it("draws valid inputs", () => {
    const random = seededRandom(1);
    for (let draw = 0; draw < 50; draw += 1) {
      const quantity = actionInput(context, product, "reserve", random).quantity;
      expect(Number.isInteger(quantity)).toBe(true);
      expect(quantity).toBeGreaterThanOrEqual(1);
      expect(quantity).toBeLessThanOrEqual(1000);
    }
  });
});

describe("actionSequence", () => {
  it("expects in every step what simulating the model from the created record predicts", () => {
    for (let variant = 0; variant < 12; variant += 1) {
      const scenario = present(actionSequence(context, product, variant), `sequence ${variant}`);
      const [create, ...rest] = scenario.steps;
      let state: RecordState = {
        ...(rendered(create?.request.json) as object),
        stock: 0,
        active: true,
      };
      for (const step of rest.slice(0, -1)) {
        const name = present(step.request.path.split("/").at(-1), "an action name");
        const outcome = knownOutcome(name, state, step.request.json as RecordState);
        expect(step.expect[0]).toEqual({ status: outcome.status });
        if (outcome.kind === "applied") state = outcome.state;
      }
      expect(rest.at(-1)?.expect).toContainEqual(
        expect.objectContaining({ jsonSubset: expect.objectContaining({ stock: state.stock }) }),
      );
      expect(scenario.id).toBe(`normal/product/actions-${variant + 1}`);
    }
  });

  it("reaches refusals and applied actions across variations, and writes valid scenarios", () => {
    const scenarios = Array.from({ length: 20 }, (_, variant) =>
      actionSequence(context, product, variant),
    );
    const tags = new Set(scenarios.flatMap((scenario) => scenario?.tags ?? []));
    expect(tags).toContain("aspect:rule");
    expect(tags).toContain("aspect:effect");
    expect(schemaProblems(scenarios)).toEqual([]);
    const todos = new HttpContext(todoModel, 1);
    expect(actionSequence(todos, present(todos.entities[0], "todo"), 0)).toBeUndefined();
  });
});
