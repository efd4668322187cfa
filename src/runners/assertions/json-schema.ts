/**
 * `jsonSchema:` — the JSON body or return value validated against a JSON Schema (draft-07, with
 * formats); the message gives the first errors with where in the value they are.
 */

import type { FunctionObservation, HttpObservation } from "../../contracts/observation.js";
import { compileJsonSchema } from "../../scenarios/json-schema.js";
import type { PathSegment } from "../../scenarios/value-path.js";
import { differencePath } from "./first-difference.js";
import { jsonSubject } from "./json-subject.js";

const shownErrors = 3;

export function checkJsonSchema(
  schema: Readonly<Record<string, unknown>>,
  observation: HttpObservation | FunctionObservation,
): string | undefined {
  const compiled = compileJsonSchema(schema);
  if (!compiled.ok) return `jsonSchema: ${compiled.error}`;
  const subject = jsonSubject(observation);
  if (!subject.ok) return subject.reason;
  const validate = compiled.value;
  if (validate(subject.value)) return undefined;
  const errors = validate.errors ?? [];
  const described = errors
    .slice(0, shownErrors)
    .map(
      (error) =>
        `${pathOfPointer(subject.name, error.instancePath)} ${error.message ?? "is invalid"}`,
    );
  const more = errors.length > shownErrors ? ` (+${errors.length - shownErrors} more)` : "";
  return `jsonSchema: ${described.join("; ")}${more}`;
}

/** Ajv's JSON pointer (`/items/0/id`) as the paths of the rest of the suite (`body.items[0].id`). */
function pathOfPointer(root: string, pointer: string): string {
  const segments: PathSegment[] = pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((part) => (/^(?:0|[1-9]\d*)$/.test(part) ? Number(part) : part));
  return differencePath(root, segments);
}
