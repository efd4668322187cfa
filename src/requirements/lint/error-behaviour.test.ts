import { describe, expect, it } from "vitest";
import { parseSpec } from "../parse-spec.js";
import { missingErrorBehaviour } from "./error-behaviour.js";
import { readSpecText } from "./spec-text.js";

async function findings(kind: string, prose: string, criteria: string[], model?: string) {
  const markdown = [
    `---\nname: shop\nkind: ${kind}\n---\n\n# Shop\n`,
    prose,
    "\n## Acceptance criteria\n",
    ...criteria.map((criterion) => `- ${criterion}`),
    ...(model === undefined ? [] : ["", "## Model", "", "```yaml model", model, "```"]),
  ].join("\n");
  const spec = await parseSpec(markdown, "shop.md");
  return missingErrorBehaviour(spec, readSpecText(spec, markdown));
}

const orders = [
  "entities:",
  "  order:",
  "    fields:",
  "      note: { type: string, maxLength: 20 }",
  "    actions:",
  "      ship:",
  "        input:",
  "          carrier: { type: string, enum: [post, courier] }",
  "      archive: {}",
].join("\n");

describe("missingErrorBehaviour for an http-service", () => {
  it("names the operations and actions nothing says the failure of", async () => {
    const result = await findings(
      "http-service",
      "Orders of a shop.",
      ["Creating an order answers 201."],
      orders,
    );
    expect(result.map(({ text, message }) => [text, message])).toEqual([
      ["order", expect.stringContaining("create, read, list, update and delete of order")],
      ["ship", expect.stringContaining("the action ship of order")],
      ["archive", expect.stringContaining("the action archive of order")],
    ]);
    expect(result[0]?.line).toBe(18);
  });

  it("counts a refusal that names no operation for creating and updating, and a 404 for reading and deleting", async () => {
    const result = await findings(
      "http-service",
      "An order that breaks a rule of the model is refused with 400.",
      ["An id that no order has answers 404."],
      orders,
    );
    expect(result.map((finding) => finding.message)).toEqual([
      expect.stringContaining("list of order"),
      expect.stringContaining("the action ship"),
    ]);
  });

  it("counts criteria that name an operation or an action, and 'nothing changes' is not an update", async () => {
    const result = await findings(
      "http-service",
      "",
      [
        "Listing orders with a page below 1 answers 400.",
        "Creating an order with a note over 20 characters is refused with 400 and nothing changes.",
        "Reading, updating or deleting an order that does not exist answers 404.",
        "Shipping with an unknown carrier is refused with 400.",
      ],
      orders,
    );
    expect(result).toEqual([]);
    const noUpdate = await findings(
      "http-service",
      "",
      [
        "Listing orders with a page below 1 answers 400.",
        "Creating an order with a note over 20 characters is refused with 400 and nothing changes.",
        "Reading or deleting an order that does not exist answers 404.",
        "Any action with a bad input is refused with 400.",
      ],
      orders,
    );
    expect(noUpdate.map((finding) => finding.message)).toEqual([
      expect.stringContaining("how update of order"),
    ]);
  });

  it("asks each entity for its own refusals when there are several", async () => {
    const model = [
      "entities:",
      "  order:",
      "    operations: [create]",
      "    fields: { note: { type: string, maxLength: 20 } }",
      "  customer:",
      "    operations: [create]",
      "    fields: { name: { type: string, maxLength: 20 } }",
    ].join("\n");
    const result = await findings(
      "http-service",
      "",
      ["An order without a note is refused with 400."],
      model,
    );
    expect(result.map((finding) => finding.text)).toEqual(["customer"]);
  });
});

describe("missingErrorBehaviour for a cli, a library or a spec without a model", () => {
  const cli =
    "command: [node, tool.mjs]\narguments:\n  - { name: value, type: number, min: 0, max: 9 }";

  it("asks a cli for a criterion about a bad command line", async () => {
    const missing = await findings("cli", "", ["`tool 1` prints 2."], cli);
    expect(missing).toEqual([
      expect.objectContaining({ rule: "missing-error-behaviour", line: 16 }),
    ]);
    expect(missing[0]?.suggestion).toContain("exits 2");
    expect(
      await findings("cli", "", ["`tool 1` prints 2.", "An unknown option exits 2."], cli),
    ).toEqual([]);
  });

  it("asks a library for a criterion about an invalid argument", async () => {
    const library =
      "module: ./index.mjs\nfunctions:\n  double:\n    parameters: [{ name: value, type: number, min: 0, max: 9 }]";
    expect(await findings("library", "", ["`double(2)` → 4"], library)).toHaveLength(1);
    expect(
      await findings("library", "", ["`double(2)` → 4", "`double(-1)` throws."], library),
    ).toEqual([]);
  });

  it("asks a spec without a model for error behaviour anywhere", async () => {
    expect(await findings("http-service", "Todos.", ["Creating a todo answers 201."])).toHaveLength(
      1,
    );
    expect(
      await findings("http-service", "A bad todo is refused with 400.", [
        "Creating a todo answers 201.",
      ]),
    ).toEqual([]);
  });
});
