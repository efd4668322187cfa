/**
 * The JSON value that `json`, `jsonSubset` and `jsonSchema` check: the parsed body of a response, or a
 * function's return value (already plain JSON: the function runner tags what JSON cannot hold). When
 * there is none, the reason is the failure.
 */

import type { FunctionObservation, HttpObservation } from "../../contracts/observation.js";
import { quote } from "../../scenarios/preview.js";

export type JsonSubject =
  | { ok: true; name: "body" | "returned"; value: unknown }
  | { ok: false; reason: string };

export function jsonSubject(observation: HttpObservation | FunctionObservation): JsonSubject {
  if (observation.kind === "http") {
    if (observation.body !== undefined) return { ok: true, name: "body", value: observation.body };
    const type = observation.headers["content-type"] ?? "no content-type";
    return {
      ok: false,
      reason: `expected a JSON body, got ${type}: ${quote(observation.bodyText)}`,
    };
  }
  if (observation.threw !== undefined) {
    const { name, message } = observation.threw;
    return {
      ok: false,
      reason: `expected a return value, but the call threw ${name}: ${quote(message)}`,
    };
  }
  return { ok: true, name: "returned", value: observation.returned };
}
