import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type InputProblem, InvalidInputError } from "../contracts/invalid-input.js";
import { type ParseSpecOptions, parseSpec } from "./parse-spec.js";

const fixtures = resolve("test/fixtures/specs");

async function fixture(name: string): Promise<string> {
  return readFile(resolve(fixtures, name), "utf8");
}

async function problemsOf(
  text: string,
  options?: ParseSpecOptions,
): Promise<readonly InputProblem[]> {
  const error = await parseSpec(text, "spec.md", options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (error instanceof InvalidInputError) return error.problems;
  throw new Error(`expected an InvalidInputError, got ${String(error)}`);
}

const header = "---\nname: demo\nkind: http-service\n---\n";

describe("parseSpec, a valid http-service spec", () => {
  it("reads the front matter, the title and the hash of the text", async () => {
    const text = await fixture("inventory-service.md");
    const spec = await parseSpec(text, "inventory-service.md");
    expect(spec.source).toBe("inventory-service.md");
    expect(spec.hash).toBe(createHash("sha256").update(text).digest("hex"));
    expect(spec.title).toBe("Inventory service");
    expect(spec.frontMatter).toEqual({
      name: "inventory-service",
      kind: "http-service",
      profile: "standard",
      budget: { usd: 12.5 },
      description: "Products in a warehouse, and reserving stock.",
      scenarios: { normal: 40 },
    });
  });

  it("numbers criteria by position, keeps explicit ids and skips the numbers they use", async () => {
    const spec = await parseSpec(await fixture("inventory-service.md"), "spec.md");
    expect(spec.criteria.map(({ id, line }) => ({ id, line }))).toEqual([
      { id: "AC1", line: 27 },
      { id: "AC2", line: 28 },
      { id: "AC5", line: 29 },
      { id: "AC-7", line: 30 },
      { id: "AC6", line: 31 },
    ]);
    expect(spec.criteria[2]?.text).toBe(
      'Reserving more than the stock answers 409: POST /products/1/reserve {"quantity": 9} → 409.',
    );
  });

  it("records every inline example with its line", async () => {
    const spec = await parseSpec(await fixture("inventory-service.md"), "spec.md");
    expect(spec.criteria.map((criterion) => criterion.examples)).toEqual([
      [{ input: 'POST /products {"name": "Bolt", "stock": 5}', expected: "201", line: 27 }],
      [{ input: 'POST /products {"stock": 1}', expected: "400 with an error", line: 28 }],
      [{ input: 'POST /products/1/reserve {"quantity": 9}', expected: "409", line: 29 }],
      [
        { input: "GET /products", expected: "200", line: 30 },
        { input: "GET /products?page=0", expected: "400 and nothing else", line: 30 },
      ],
      [],
    ]);
  });

  it("keeps the prose outside the criteria and the code, with its section", async () => {
    const spec = await parseSpec(await fixture("inventory-service.md"), "spec.md");
    expect(spec.prose).toEqual([
      {
        text: "A small service that keeps the products of one warehouse and lets a shop reserve stock.",
        line: 14,
        section: "Inventory service",
      },
      { text: "Products are created by the warehouse team.", line: 19, section: "Context" },
      { text: "Stock never goes below zero.", line: 20, section: "Context" },
      { text: "Not even for a moment.", line: 21, section: "Context" },
      { text: "Reservations are final.", line: 23, section: "Context" },
      { text: "The service keeps everything in memory.", line: 67, section: "Notes" },
    ]);
  });

  it("reads the model block with the schema's defaults and its line", async () => {
    const spec = await parseSpec(await fixture("inventory-service.md"), "spec.md");
    expect(spec.modelLine).toBe(37);
    if (spec.model?.kind !== "http-service") throw new Error("expected an http-service model");
    const product = spec.model.model.entities.product;
    expect(Object.keys(product?.fields ?? {})).toEqual(["name", "stock", "sku", "archived"]);
    expect(product?.operations).toEqual(["create", "read", "list", "update", "delete"]);
    expect(product?.actions.reserve?.requires).toEqual([
      { check: "quantity <= stock and not archived", status: 409, error: "not enough stock" },
    ]);
    expect(spec.model.model.errors.validation).toBe(400);
    expect(spec.model.model.examples[0]?.criteria).toEqual(["AC5"]);
  });
});

describe("parseSpec, the other kinds", () => {
  it("reads a cli spec whose model is the yaml block under a Model heading", async () => {
    const spec = await parseSpec(await fixture("tempconv-cli.md"), "spec.md");
    expect(spec.title).toBe("tempconv: convert temperatures");
    expect(spec.modelLine).toBe(18);
    expect(spec.model?.kind).toBe("cli");
    if (spec.model?.kind !== "cli") return;
    expect(spec.model.model.command).toEqual(["node", "tempconv.mjs"]);
    expect(spec.model.model.options.to?.default).toBe("c");
    expect(spec.criteria.map((criterion) => criterion.examples[0])).toEqual([
      { input: "tempconv --to f 100", expected: "212", line: 12 },
      { input: "tempconv --to c 212", expected: "100", line: 13 },
      { input: "tempconv --to f", expected: "exit code 2", line: 14 },
    ]);
  });

  it("reads a library spec", async () => {
    const spec = await parseSpec(await fixture("slugify-library.md"), "spec.md");
    expect(spec.model?.kind).toBe("library");
    if (spec.model?.kind !== "library") return;
    expect(spec.model.model.functions.slugify?.throws).toBe("ValidationError");
    expect(spec.criteria[0]?.examples).toEqual([
      { input: 'slugify("Hello World")', expected: '"hello-world"', line: 12 },
    ]);
  });

  it("accepts a spec without a model, without criteria and without a heading", async () => {
    const spec = await parseSpec(`${header}\nJust words.\n`, "spec.md");
    expect(spec.model).toBeUndefined();
    expect(spec.modelLine).toBeUndefined();
    expect(spec.criteria).toEqual([]);
    expect(spec.title).toBe("demo");
    expect(spec.prose).toEqual([{ text: "Just words.", line: 6, section: "" }]);
  });

  it("ignores a yaml block outside a model heading unless it is marked model", async () => {
    const text = `${header}\n# Config\n\n\`\`\`yaml\nentities: 1\n\`\`\`\n`;
    expect((await parseSpec(text, "spec.md")).model).toBeUndefined();
  });
});

describe("parseSpec, problems", () => {
  it("reports every problem of a spec at once, each with its line and field", async () => {
    const problems = await problemsOf(await fixture("invalid/many-problems.md"));
    expect(problems.map(({ line, field }) => `${line} ${field}`)).toEqual([
      "11 criteria[1].id",
      "17 model.entities.product.fields.name.maxLength",
      "18 model.entities.product.fields.stock.default",
      "19 model.entities.product.fields.code.default",
      "20 model.entities.product.fields.size.enum[1]",
      "21 model.entities.product.fields.colour.type",
      "22 model.entities.product.shape",
      "26 model.entities.product.actions.reserve.input.stock",
      "28 model.entities.product.actions.reserve.requires[0].check",
      "30 model.entities.product.actions.reserve.requires[1].check",
      "33 model.entities.product.actions.reserve.effects.weight",
      "36 model.examples[0].criteria[0]",
      "38 model.examples[0].steps[0].request.method",
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      "AC1 is already the id of the criterion on line 10; ids must be unique",
      "Too small: expected number to be >0",
      "the default breaks its own field: -5 is below min 0",
      'the default breaks its own field: "abc" does not match pattern "[A-Z]+"',
      "enum value 2 is not a valid string",
      'Invalid option: expected one of "string"|"integer"|"number"|"boolean"|"date"|"email"',
      'unknown key "shape"',
      'the input "stock" has the name of a field of product; in expressions the two could not be told apart, so rename the input',
      expect.stringContaining('invalid expression "stock >=": Parse error'),
      'unknown name "quantity" in "quantity > 0"; the names here are name, stock, code, size, colour, true, false, null',
      '"weight" is not a field of product; effects set its fields (name, stock, code, size, colour)',
      "AC9 is not an acceptance criterion of this spec; the criteria are AC1",
      expect.stringContaining("Invalid option"),
    ]);
  });

  it("requires front matter", async () => {
    expect(await problemsOf(await fixture("invalid/no-front-matter.md"))).toEqual([
      {
        line: 1,
        field: "frontMatter",
        message:
          "a spec starts with front matter: a line `---`, YAML with at least name and kind, a line `---`",
      },
    ]);
  });

  it("puts front matter problems on their lines in the Markdown file", async () => {
    const problems = await problemsOf(await fixture("invalid/bad-front-matter.md"));
    expect(problems.map(({ line, field }) => `${line} ${field}`)).toEqual([
      "2 frontMatter.name",
      "3 frontMatter.kind",
      "4 frontMatter.owner",
      "6 frontMatter.budget.usd",
    ]);
  });

  it("requires name and kind", async () => {
    const problems = await problemsOf("---\ndescription: nothing else\n---\n");
    expect(problems).toEqual([
      { line: 2, field: "frontMatter.name", message: "required (string)" },
      { line: 2, field: "frontMatter.kind", message: expect.stringContaining("expected one of") },
    ]);
  });

  it("reports YAML syntax errors on the file's line", async () => {
    const frontMatter = await problemsOf("---\nname: demo\nkind: [cli\n---\n");
    expect(frontMatter).toEqual([{ line: 3, field: "frontMatter", message: expect.any(String) }]);
    const block = await problemsOf(`${header}\n\`\`\`yaml model\nentities:\n  todo: {\n\`\`\`\n`);
    expect(block).toEqual([{ line: 8, field: "model", message: expect.any(String) }]);
  });

  it("refuses a second yaml model block", async () => {
    expect(await problemsOf(await fixture("invalid/two-model-blocks.md"))).toEqual([
      {
        line: 14,
        field: "model",
        message: "a second ```yaml model block: a spec has one, and the first starts on line 8",
      },
    ]);
  });

  it("refuses a model of another kind's shape", async () => {
    expect(await problemsOf(await fixture("invalid/kind-mismatch.md"))).toEqual([
      {
        line: 8,
        field: "model",
        message:
          "this model is shaped for a http-service spec (it has entities), but the spec's kind is cli",
      },
    ]);
  });

  it("checks example steps against the step format of the spec's kind", async () => {
    const text = [
      "---\nname: demo\nkind: library\n---\n",
      "```yaml model",
      "module: ./index.mjs",
      "functions:\n  slugify: {}",
      "examples:",
      "  - title: a request is not a call",
      "    steps:",
      "      - request: { method: GET, path: / }",
      "```",
    ].join("\n");
    const problems = await problemsOf(text);
    expect(problems.map(({ line, field }) => `${line} ${field}`)).toEqual([
      "13 model.examples[0].steps[0].call",
      "13 model.examples[0].steps[0].request",
    ]);
  });

  it("refuses an OpenAPI document when nothing can read it, or for a kind other than http-service", async () => {
    const withOpenApi = "---\nname: demo\nkind: http-service\nopenapi: ./api.yaml\n---\n";
    expect(await problemsOf(withOpenApi)).toEqual([
      {
        line: 4,
        field: "frontMatter.openapi",
        message: "./api.yaml cannot be read: this spec was not read from a file",
      },
    ]);
    const cli = "---\nname: demo\nkind: cli\nopenapi: ./api.yaml\n---\n";
    expect(await problemsOf(cli)).toEqual([
      {
        line: 4,
        field: "frontMatter.openapi",
        message: "an OpenAPI document describes an http-service; this spec's kind is cli",
      },
    ]);
  });
});
