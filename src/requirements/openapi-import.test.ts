import { describe, expect, it } from "vitest";
import { importOpenApi } from "./openapi-import.js";

function reader(text: string) {
  return async () => ({ text, path: "specs/api.yaml" });
}

const withProperties = (properties: string) =>
  [
    "openapi: 3.0.3",
    "info: { title: Notes, version: '1' }",
    "paths:",
    "  /notes:",
    "    post:",
    "      requestBody:",
    "        content:",
    "          application/json:",
    "            schema: { $ref: '#/components/schemas/Note' }",
    "      responses: { '201': { description: created } }",
    "components:",
    "  schemas:",
    "    Note:",
    "      type: object",
    `      properties: ${properties}`,
  ].join("\n");

describe("importOpenApi", () => {
  it("reads, validates and dereferences the document, keeping its text", async () => {
    const text = withProperties("{ text: { type: string } }");
    const imported = await importOpenApi("./api.yaml", reader(text), 4);
    expect(imported.problems).toEqual([]);
    expect(imported.model?.entities.note?.fields.text?.type).toBe("string");
    expect(imported.text).toContain("openapi: 3.0.3");
  });

  it("never fetches another file: an external reference is a problem", async () => {
    const text = withProperties(
      "{ text: { type: string }, author: { $ref: 'people.yaml#/Person' } }",
    );
    const imported = await importOpenApi("./api.yaml", reader(text), 4);
    expect(imported.problems).toEqual([
      {
        line: 4,
        field: "frontMatter.openapi",
        message:
          "specs/api.yaml#/paths/~1notes/post/requestBody/content/application~1json/schema/properties/author: the reference people.yaml#/Person could not be resolved (references to other files are not read)",
      },
    ]);
  });

  it("refuses what is not an OpenAPI 3 document", async () => {
    const swagger = await importOpenApi(
      "./api.yaml",
      reader("swagger: '2.0'\ninfo: {}\npaths: {}"),
      4,
    );
    expect(swagger.problems).toEqual([
      {
        line: 4,
        field: "frontMatter.openapi",
        message: "specs/api.yaml: an OpenAPI 3 document (with `openapi: 3.x.y`) is expected",
      },
    ]);
  });

  it("reports the validator's errors and YAML syntax errors", async () => {
    const invalid = await importOpenApi(
      "./api.yaml",
      reader("openapi: 3.0.3\ninfo: {}\npaths: { notes: {} }"),
      4,
    );
    expect(invalid.problems.length).toBeGreaterThan(0);
    expect(invalid.problems[0]?.message).toMatch(/^specs\/api\.yaml: /);
    const broken = await importOpenApi("./api.yaml", reader("openapi: 3.0.3\ninfo: [\n"), 4);
    expect(broken.problems).toEqual([
      {
        line: 4,
        field: "frontMatter.openapi",
        message: expect.stringMatching(/^specs\/api\.yaml:\d+: /),
      },
    ]);
  });
});
