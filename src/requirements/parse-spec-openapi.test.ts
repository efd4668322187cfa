/** parseSpec with an OpenAPI document read through `readRelative`. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type InputProblem, InvalidInputError } from "../contracts/invalid-input.js";
import { type ParseSpecOptions, parseSpec } from "./parse-spec.js";

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

describe("parseSpec with an OpenAPI document", () => {
  const openApiText = [
    "openapi: 3.0.3",
    "info: { title: Notes, version: '1' }",
    "paths:",
    "  /notes:",
    "    post:",
    "      requestBody:",
    "        content:",
    "          application/json:",
    "            schema:",
    "              type: object",
    "              properties: { body: { type: string } }",
    "      responses: { '201': { description: created } }",
  ].join("\n");
  const text = "---\nname: notes\nkind: http-service\nopenapi: ./notes.yaml\n---\n";

  it("makes the model from it and hashes both texts", async () => {
    const asked: string[] = [];
    const readRelative = async (relativePath: string) => {
      asked.push(relativePath);
      return { text: openApiText, path: "specs/notes.yaml" };
    };
    const spec = await parseSpec(text, "notes.md", { readRelative });
    expect(asked).toEqual(["./notes.yaml"]);
    expect(spec.hash).toBe(createHash("sha256").update(`${text}\n${openApiText}`).digest("hex"));
    expect(spec.modelLine).toBe(4);
    if (spec.model?.kind !== "http-service") throw new Error("expected an http-service model");
    expect(spec.model.model.entities.note?.fields.body?.type).toBe("string");
    expect(spec.model.model.entities.note?.operations).toEqual(["create"]);
  });

  it("reports a document it cannot read on the openapi key's line", async () => {
    const readRelative = async () => {
      throw new Error("ENOENT: no such file");
    };
    expect(await problemsOf(text, { readRelative })).toEqual([
      {
        line: 4,
        field: "frontMatter.openapi",
        message: "cannot read ./notes.yaml: ENOENT: no such file",
      },
    ]);
  });
});
