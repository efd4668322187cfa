import { describe, expect, it } from "vitest";
import { HttpServiceModel, type Spec } from "../../contracts/spec.js";
import { fieldRules, renderReadme } from "./render-readme.js";
import { planService } from "./service-plan.js";

const model = HttpServiceModel.parse({
  entities: {
    product: {
      path: "/products",
      fields: {
        sku: { type: "string", required: true, unique: true, pattern: "[A-Z]|[0-9]" },
        stock: { type: "integer", readOnly: true, default: 0 },
      },
      actions: {
        reserve: {
          description: "A customer checked out.",
          input: { quantity: { type: "integer", required: true, min: 1 } },
          requires: [{ check: "quantity <= stock", error: "not enough stock" }],
          effects: { stock: "stock - quantity" },
        },
      },
    },
  },
});

const spec: Spec = {
  source: "readme.md",
  hash: "h",
  frontMatter: { name: "readme-test", kind: "http-service", description: "A shop." },
  title: "Readme test",
  prose: [],
  criteria: [],
  model: { kind: "http-service", model },
};

const readme = renderReadme(planService(spec, model));

describe("renderReadme", () => {
  it("says what the service is and how to run it", () => {
    expect(readme.startsWith("# Readme test\n\nA shop.\n")).toBe(true);
    expect(readme).toContain("node dist/server.js");
    expect(readme).toContain("npm run build");
  });

  it("lists every endpoint with its answer", () => {
    for (const row of [
      "| GET | `/health` | 200 when the service is up |",
      "| POST | `/products` | 201 and the product as stored |",
      "| DELETE | `/products/{id}` | 204 |",
      "| POST | `/products/{id}/reserve` | 200 and the product: A customer checked out. |",
    ]) {
      expect(readme).toContain(row);
    }
  });

  it("documents the fields, the action's rules and effects, and the errors", () => {
    expect(readme).toContain("| `sku` | string | required, unique, matches `[A-Z]\\|[0-9]` |  |");
    expect(readme).toContain("- `quantity <= stock`, else 409 `not enough stock`");
    expect(readme).toContain("`stock = stock - quantity`");
    expect(readme).toContain("- 413: the body is larger than 65536 bytes");
    expect(readme).toContain("`src/actions.ts`");
  });
});

describe("fieldRules", () => {
  it("says every rule of a field in words", () => {
    expect(
      fieldRules({
        type: "string",
        required: false,
        unique: false,
        readOnly: true,
        minLength: 1,
        maxLength: 3,
        enum: ["a", "b"],
        default: "a",
      }),
    ).toBe(
      'read-only (set by the service), at least 1 characters, at most 3 characters, one of `a`, `b`, default `"a"`',
    );
  });
});
