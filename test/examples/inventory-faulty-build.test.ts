/**
 * The inventory API's faulty build: with FAULTS empty it behaves exactly like the good build; each fault
 * switched on alone shows its misbehaviour while the other two behaviours stay correct; unset, all three
 * are on. These are the faults the generated suite and the gate must catch.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { httpModelOf, loadExampleSpec } from "./support/example-spec.js";
import {
  describeInventoryService,
  type InventoryClient,
  useInventoryServer,
} from "./support/inventory-behaviour.js";
import { runModelExamples } from "./support/run-scenarios.js";

const faultyPath = fileURLToPath(
  new URL("../../examples/inventory-api/faulty-build/server.mjs", import.meta.url),
);

const faults = ["missing-validation", "quote-crash", "wrong-status"] as const;
type Fault = (typeof faults)[number];

/** How each behaviour the faults touch comes out: `"correct"` or what the fault does instead. */
async function observeFaults(inventory: InventoryClient): Promise<Record<Fault, string>> {
  const { call, nextSku, createProduct } = inventory;
  const expensive = await call("POST", "/products", {
    sku: nextSku(),
    name: "Gold hammer",
    priceCents: 1_000_001,
  });
  const quoted = await call("POST", "/products", {
    sku: nextSku(),
    name: "O'Brien's saw",
    priceCents: 1999,
  });
  const product = await createProduct();
  const reserved = await call("POST", `/products/${String(product.id)}/reserve`, { quantity: 1 });
  return {
    "missing-validation": expensive.status === 400 ? "correct" : `accepted: ${expensive.status}`,
    "quote-crash":
      quoted.status === 201 && quoted.body.name === "O'Brien's saw"
        ? "correct"
        : `${quoted.status}${/at saveToLog \(file:\/\/\//.test(String(quoted.body.stack)) ? " with a stack trace" : ""}`,
    "wrong-status": reserved.status === 409 ? "correct" : `refused with ${reserved.status}`,
  };
}

const misbehaviour: Record<Fault, string> = {
  "missing-validation": "accepted: 201",
  "quote-crash": "500 with a stack trace",
  "wrong-status": "refused with 400",
};

describeInventoryService("the faulty build with FAULTS empty", faultyPath, { FAULTS: "" });

for (const fault of faults) {
  describe(`the faulty build with FAULTS=${fault}`, () => {
    const inventory = useInventoryServer(faultyPath, { FAULTS: fault });

    it(`shows the ${fault} fault and nothing else`, async () => {
      const expected = Object.fromEntries(
        faults.map((each) => [each, each === fault ? misbehaviour[each] : "correct"]),
      );
      expect(await observeFaults(inventory)).toEqual(expected);
      expect(inventory.server().exitCode()).toBeNull();
    });
  });
}

describe("the faulty build with FAULTS unset", () => {
  const inventory = useInventoryServer(faultyPath, { FAULTS: undefined });

  it("shows all three faults", async () => {
    expect(await observeFaults(inventory)).toEqual(misbehaviour);
  });
});

describe("the spec's worked examples against the faulty build", () => {
  const inventory = useInventoryServer(faultyPath, { FAULTS: undefined });

  it("catch each of the three faults", async () => {
    const spec = await loadExampleSpec("inventory-api");
    const examples = httpModelOf(spec).examples;
    const results = await runModelExamples(spec, examples, {
      kind: "http",
      baseUrl: inventory.server().baseUrl,
    });
    const failed = results.filter((result) => !result.pass);
    const titleOf = (scenario: string) => examples[Number(scenario.split("-")[1]) - 1]?.title;
    expect(failed.map((result) => titleOf(result.scenario))).toEqual([
      "Products that break the model's rules are refused",
      "A reservation of more than the stock is refused and changes nothing",
      "A name with quotes and markup is stored as written",
    ]);
    expect(failed.map((result) => result.error)).toEqual([
      expect.stringContaining("expected status 400, got 201"),
      expect.stringContaining("expected status 409, got 400"),
      expect.stringContaining("robustness: got 500"),
    ]);
  });
});

describe("the quote-crash fault", () => {
  const inventory = useInventoryServer(faultyPath, { FAULTS: "quote-crash" });

  it("crashes an update of the name too, leaks an internal path, and stores nothing", async () => {
    const product = await inventory.createProduct({ name: "Plain" });
    const renamed = await inventory.call("PATCH", `/products/${String(product.id)}`, {
      name: "it's",
    });
    expect(renamed.status).toBe(500);
    expect(renamed.text).toMatch(/faulty-build\/server\.mjs:\d+:\d+/);
    const read = await inventory.call("GET", `/products/${String(product.id)}`);
    expect(read.body.name).toBe("Plain");
  });
});
