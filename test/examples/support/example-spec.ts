/**
 * The example specs of examples/, read with the real spec reader (src/requirements), with their models
 * narrowed to their kind, and their inline criterion examples in the forms the generators read:
 * http `METHOD /path [json]` → `STATUS [json subset]` (`{id}` stands for a record created first), and cli
 * `program args` → `stdout` or `exit N`.
 */
import { fileURLToPath } from "node:url";
import type { CliModel, HttpServiceModel, Spec } from "../../../src/contracts/spec.js";
import { loadSpec } from "../../../src/requirements/index.js";

/** `examples/<name>/spec.md`, parsed and checked. */
export function loadExampleSpec(name: string): Promise<Spec> {
  return loadSpec(fileURLToPath(new URL(`../../../examples/${name}/spec.md`, import.meta.url)));
}

export function httpModelOf(spec: Spec): HttpServiceModel {
  if (spec.model?.kind !== "http-service") throw new Error(`${spec.source} has no http model`);
  return spec.model.model;
}

export function cliModelOf(spec: Spec): CliModel {
  if (spec.model?.kind !== "cli") throw new Error(`${spec.source} has no cli model`);
  return spec.model.model;
}

export interface HttpExample {
  method: string;
  path: string;
  /** The body's JSON text, as written. */
  body?: string;
  status: number;
  /** What the answer's body must contain, when the example says. */
  subset?: Record<string, unknown>;
}

/** `POST /todos {"title": "Milk"}` → `201 {"done": false}`, read as the http generator reads it. */
export function parseHttpExample(input: string, expected: string): HttpExample {
  const request = /^([A-Z]+) (\/\S*)(?: (.+))?$/s.exec(input.trim());
  const answer = /^(\d{3})(?: (.+))?$/s.exec(expected.trim());
  if (!request?.[1] || !request[2] || !answer?.[1]) {
    throw new Error(`not an http example: ${input} → ${expected}`);
  }
  return {
    method: request[1],
    path: request[2],
    ...(request[3] === undefined ? {} : { body: request[3] }),
    status: Number(answer[1]),
    ...(answer[2] === undefined ? {} : { subset: JSON.parse(answer[2]) }),
  };
}

/** `tempconv --to kelvin 1` → `274.15` or → `exit 2`: the arguments after the program, and the outcome. */
export function parseCliExample(
  input: string,
  expected: string,
): { program: string; args: string[]; exitCode: number; stdout?: string } {
  const [program = "", ...args] = input.trim().split(/\s+/);
  const exit = /^exit (\d+)$/.exec(expected.trim());
  if (exit) return { program, args, exitCode: Number(exit[1]) };
  return { program, args, exitCode: 0, stdout: expected.trim() };
}
