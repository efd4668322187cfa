import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { HttpServiceModel, type Spec } from "../../contracts/spec.js";
import { renderActions } from "./render-actions.js";
import { scaffoldService } from "./scaffold-service.js";
import { planService } from "./service-plan.js";

const model = HttpServiceModel.parse({
  entities: {
    product: {
      fields: {
        stock: { type: "integer", readOnly: true, default: 0, min: 0 },
        active: { type: "boolean", readOnly: true, default: true },
        low: { type: "integer", default: 1 },
        high: { type: "integer", default: 9 },
        note: { type: "string" },
      },
      actions: {
        reserve: {
          input: { quantity: { type: "integer", required: true, min: 1 } },
          requires: [
            { check: "active", status: 409, error: "product is discontinued" },
            { check: "quantity <= stock", status: 422, error: "not enough stock" },
          ],
          effects: { stock: "stock - quantity" },
        },
        swap: { effects: { low: "high", high: "low" } },
        annotate: {
          input: { suffix: { type: "string" }, times: { type: "integer", default: 2 } },
          requires: [{ check: 'suffix != ""', error: "empty suffix" }],
          effects: { note: "note + suffix", stock: "stock * times" },
        },
        discontinue: { effects: { active: "false" } },
      },
    },
  },
  errors: { validation: 400, conflict: 409 },
});

function specOf(httpModel: HttpServiceModel): Spec {
  return {
    source: "actions.md",
    hash: "h",
    frontMatter: { name: "actions-test", kind: "http-service" },
    title: "Actions test",
    prose: [],
    criteria: [],
    model: { kind: "http-service", model: httpModel },
  };
}

type Outcome =
  | { kind: "applied"; changes: object }
  | { kind: "refused"; status: number; error: string };
interface Action {
  name: string;
  status: number;
  run(record: object, input: object): Outcome;
}

const folder = await mkdtemp(join(tmpdir(), "shopfloor-scaffold-actions-"));
afterAll(() => rm(folder, { recursive: true }));

async function generatedActions(): Promise<Record<string, Action>> {
  for (const file of scaffoldService(specOf(model))) {
    await mkdir(dirname(join(folder, file.path)), { recursive: true });
    await writeFile(join(folder, file.path), file.content);
  }
  return import(pathToFileURL(join(folder, "dist/actions.js")).href);
}

const actions = await generatedActions();
const product = { id: "p1", stock: 5, active: true, low: 1, high: 9 };

describe("the generated actions", () => {
  it("check the rules in order: the first that is false answers", () => {
    const reserve = actions.reserveProduct as Action;
    expect(reserve.run({ ...product, active: false }, { quantity: 50 })).toEqual({
      kind: "refused",
      status: 409,
      error: "product is discontinued",
    });
    expect(reserve.run(product, { quantity: 6 })).toEqual({
      kind: "refused",
      status: 422,
      error: "not enough stock",
    });
    expect(reserve.run(product, { quantity: 5 })).toEqual({
      kind: "applied",
      changes: { stock: 0 },
    });
  });

  it("compute every effect from the values before the action", () => {
    expect(actions.swapProduct?.run(product, {})).toEqual({
      kind: "applied",
      changes: { low: 9, high: 1 },
    });
    expect(actions.discontinueProduct?.run(product, {})).toEqual({
      kind: "applied",
      changes: { active: false },
    });
  });

  it("refuse when a value an expression reads is missing, instead of computing with nothing", () => {
    const annotate = actions.annotateProduct as Action;
    expect(annotate.run(product, { times: 2 })).toEqual({
      kind: "refused",
      status: 400,
      error: "annotate needs suffix",
    });
    expect(annotate.run(product, { suffix: "!", times: 2 })).toEqual({
      kind: "refused",
      status: 409,
      error: "the product has no note, which annotate needs",
    });
    expect(annotate.run({ ...product, note: "hi" }, { suffix: "!", times: 3 })).toEqual({
      kind: "applied",
      changes: { note: "hi!", stock: 15 },
    });
  });

  it("carry their name and success status for the server", () => {
    expect(actions.reserveProduct).toMatchObject({ name: "reserve", status: 200 });
  });
});

describe("renderActions", () => {
  it("writes typed functions that read only what they use", () => {
    const text = renderActions(planService(specOf(model), model)) ?? "";
    expect(text).toContain("function reserve(product: Product, input: ProductReserveInput)");
    expect(text).toContain('if (!product.active) return refused(409, "product is discontinued");');
    expect(text).toContain("if (!(input.quantity <= product.stock))");
    expect(text).toContain("run: () => discontinue(),");
    expect(text).toContain("  times: number;\n");
    expect(text).toContain("  suffix?: string;\n");
  });

  it("writes no module for a model without actions, and no refusal without rules", () => {
    const plain = HttpServiceModel.parse({ entities: { note: { fields: { text: "string" } } } });
    expect(renderActions(planService(specOf(plain), plain))).toBeUndefined();
    const ruleless = HttpServiceModel.parse({
      entities: {
        note: { fields: { text: "string" }, actions: { clear: { effects: { text: '""' } } } },
      },
    });
    expect(renderActions(planService(specOf(ruleless), ruleless))).not.toContain(
      "function refused",
    );
  });
});
