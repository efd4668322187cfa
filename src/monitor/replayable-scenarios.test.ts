import { describe, expect, it } from "vitest";
import type { Scenario, Suite } from "../contracts/scenario.js";
import type { FieldDefinition, Spec } from "../contracts/spec.js";
import { FieldDefinition as FieldSchema } from "../contracts/spec.js";
import { seededRandom } from "../stats/random.js";
import {
  freshenScenario,
  replayableSuite,
  replaySeed,
  uniqueFieldsOf,
} from "./replayable-scenarios.js";

const sku = FieldSchema.parse({
  type: "string",
  required: true,
  unique: true,
  pattern: "^[A-Z]{3}-[0-9]{4}$",
});
const code = FieldSchema.parse({ type: "string", unique: true, enum: ["ONLY"] });
const uniqueFields = new Map<string, FieldDefinition>([
  ["sku", sku],
  ["code", code],
]);

function creating(body: Record<string, unknown>, id = "normal/create-1"): Scenario {
  return {
    id,
    category: "normal",
    title: "A product is created and read back",
    tags: [],
    steps: [
      {
        request: { method: "POST", path: "/products", json: body },
        expect: [{ status: 201 }, { jsonSubset: body }],
        capture: { id: "body.id" },
      },
      { request: { method: "GET", path: "/products?sku=MXX-0466" }, expect: [{ status: 200 }] },
    ],
  };
}

describe("freshenScenario", () => {
  it("replaces a fixed unique value everywhere with one of the same shape the field accepts", () => {
    const fresh = freshenScenario(
      creating({ sku: "MXX-0466", name: "Mug" }),
      uniqueFields,
      seededRandom(3),
    );
    const text = JSON.stringify(fresh);
    expect(text).not.toContain("MXX-0466");
    const step = fresh?.steps[0] as { request: { json: { sku: string } } } | undefined;
    const value = step?.request.json.sku ?? "";
    expect(value).toMatch(/^[A-Z]{3}-[0-9]{4}$/);
    expect(text.split(value).length - 1).toBe(3);
    expect(text).toContain('"name":"Mug"');
  });

  it("keeps a scenario without fixed unique values as it is, templates included", () => {
    const scenario = creating({ sku: "{{ trial.token }}", name: "Mug" });
    expect(freshenScenario(scenario, uniqueFields, seededRandom(1))).toBe(scenario);
    const reading = { ...scenario, steps: [scenario.steps[1]] } as Scenario;
    expect(freshenScenario(reading, uniqueFields, seededRandom(1))).toBe(reading);
  });

  it("leaves out a scenario whose unique value no fresh one can replace", () => {
    expect(freshenScenario(creating({ code: "ONLY" }), uniqueFields, seededRandom(1))).toBe(
      undefined,
    );
  });

  it("gives every replay values of its own", () => {
    const values = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8].map((seed) =>
        JSON.stringify(
          freshenScenario(creating({ sku: "MXX-0466" }), uniqueFields, seededRandom(seed)),
        ),
      ),
    );
    expect(values.size).toBe(8);
  });
});

describe("replayableSuite and replaySeed", () => {
  const spec = {
    model: {
      kind: "http-service",
      model: {
        entities: {
          product: { fields: { sku, code, name: FieldSchema.parse({ type: "string" }) } },
        },
      },
    },
  } as unknown as Spec;
  const suite = {
    header: {
      name: "shop",
      version: "1",
      target: "http",
      defaults: { timeoutMs: 1000, repeat: 1, headers: {} },
    },
    scenarios: [creating({ sku: "MXX-0466" }, "a"), creating({ code: "ONLY" }, "b")],
    folder: "/suites/shop",
  } as unknown as Suite;

  it("reads the unique fields of every entity of the spec's model", () => {
    expect([...uniqueFieldsOf(spec).keys()]).toEqual(["sku", "code"]);
  });

  it("keeps the replayable scenarios, freshened the same way for the same seed", () => {
    const first = replayableSuite(suite, spec, 11);
    expect(first.scenarios.map((scenario) => scenario.id)).toEqual(["a"]);
    expect(replayableSuite(suite, spec, 11)).toEqual(first);
    expect(replayableSuite(suite, spec, 12)).not.toEqual(first);
  });

  it("derives distinct seeds for each use of a release", () => {
    const seeds = [
      replaySeed("shop-r1", "smoke"),
      replaySeed("shop-r2", "smoke"),
      replaySeed("shop-r1", "canary", 1),
      replaySeed("shop-r1", "canary", 2),
    ];
    expect(new Set(seeds).size).toBe(4);
    expect(replaySeed("shop-r1", "smoke")).toBe(seeds[0]);
  });
});
