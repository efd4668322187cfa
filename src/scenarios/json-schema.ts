/**
 * JSON Schemas written in suites (`jsonSchema:`), validated with Ajv (draft-07, with the standard
 * formats). Each schema is compiled once, keyed by its JSON text; a schema that does not compile is a
 * message the loader reports with its line.
 */
import { Ajv, type ValidateFunction } from "ajv";
import formatsModule from "ajv-formats";
import { CompileCache, type Compiled, errorText } from "./compiled.js";

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = formatsModule.default;

// Not strict: a schema written for another tool may carry keywords Ajv does not know (`example`).
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

const cache = new CompileCache<ValidateFunction>();

export function compileJsonSchema(
  schema: Readonly<Record<string, unknown>>,
): Compiled<ValidateFunction> {
  return cache.get(JSON.stringify(schema), () => {
    try {
      return { ok: true, value: ajv.compile(schema) };
    } catch (error) {
      return { ok: false, error: `invalid JSON schema: ${errorText(error)}` };
    }
  });
}
