/**
 * The `openapi:` key of a spec's front matter: the document is read next to the spec, validated as
 * OpenAPI 3 (@readme/openapi-parser), dereferenced (references to other files or URLs are never fetched)
 * and made into a model. Every problem is put on the line of the `openapi:` key.
 */
import { dereference, type ParserOptions, validate } from "@readme/openapi-parser";
import type { InputProblem } from "../contracts/invalid-input.js";
import type { HttpServiceModel } from "../contracts/spec.js";
import { parseYamlDocument } from "../contracts/yaml-document.js";
import { asObject, type JsonObject } from "./openapi-fields.js";
import { openApiModel } from "./openapi-model.js";

/** Reads a file next to the spec: its text and the path to show in messages. */
export type ReadRelative = (relativePath: string) => Promise<{ text: string; path: string }>;

export interface OpenApiImport {
  model?: HttpServiceModel;
  /** The document's text, part of the spec's hash. */
  text?: string;
  problems: InputProblem[];
}

const parserOptions: ParserOptions = {
  resolve: { external: false },
  dereference: { circular: "ignore" },
};

export async function importOpenApi(
  relativePath: string,
  readRelative: ReadRelative | undefined,
  line: number | undefined,
): Promise<OpenApiImport> {
  const problem = (message: string): InputProblem => ({
    line,
    field: "frontMatter.openapi",
    message,
  });
  if (readRelative === undefined)
    return {
      problems: [problem(`${relativePath} cannot be read: this spec was not read from a file`)],
    };
  let file: { text: string; path: string };
  try {
    file = await readRelative(relativePath);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [problem(`cannot read ${relativePath}: ${reason}`)] };
  }
  const fail = (messages: string[]) => ({
    text: file.text,
    problems: messages.map((message) => problem(`${file.path}${message}`)),
  });
  const parsed = parseYamlDocument(file.text);
  if (!parsed.ok) return fail([`:${parsed.line}: ${parsed.message}`]);
  const raw = asObject(parsed.value);
  const version = raw?.openapi;
  if (raw === undefined || typeof version !== "string" || !version.startsWith("3."))
    return fail([": an OpenAPI 3 document (with `openapi: 3.x.y`) is expected"]);
  const dereferenced = await validated(raw);
  if (!dereferenced.ok) return fail(dereferenced.errors.map((error) => `: ${error}`));

  const reading = openApiModel({ raw, dereferenced: dereferenced.document });
  const problems = [
    ...reading.problems.map((each) => problem(`${file.path}${each.pointer}: ${each.message}`)),
    ...reading.modelProblems.map((each) => ({
      ...each,
      line,
      message: `${each.message} (made from ${file.path})`,
    })),
  ];
  return { model: reading.model, text: file.text, problems };
}

async function validated(
  raw: JsonObject,
): Promise<{ ok: true; document: JsonObject } | { ok: false; errors: string[] }> {
  try {
    // Both functions may change the object they are given: each gets its own copy.
    const result = await validate(structuredClone(raw) as never, parserOptions);
    if (!result.valid) return { ok: false, errors: result.errors.map((error) => error.message) };
    const document = await dereference(structuredClone(raw) as never, parserOptions);
    return { ok: true, document: document as unknown as JsonObject };
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
}
