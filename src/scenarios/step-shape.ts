/**
 * What a step of each target kind is made of, in words for messages: "a http suite's steps have
 * request:, expect:, capture:". Used to tell a step of the wrong kind from a malformed one.
 */
import {
  CliRun,
  CliStep,
  FunctionCall,
  FunctionStep,
  HttpRequest,
  HttpStep,
  type TargetKind,
  targetKinds,
} from "../contracts/scenario.js";

/** The key that makes a step what it is: `request:` for http, `run:` for cli, `call:` for function. */
export const actionKeys: Readonly<Record<TargetKind, "request" | "run" | "call">> = {
  http: "request",
  cli: "run",
  function: "call",
};

export const stepSchemas = { http: HttpStep, cli: CliStep, function: FunctionStep } as const;

export const actionSchemas = { request: HttpRequest, run: CliRun, call: FunctionCall } as const;

/** `a http suite's steps have request:, expect:, capture:` */
export function describeSteps(kind: TargetKind): string {
  const keys = Object.keys(stepSchemas[kind].shape).map((key) => `${key}:`);
  return `a ${kind} suite's steps have ${keys.join(", ")}`;
}

/** Why a value is not a step of `kind`, or undefined when it has the right action key. */
export function wrongStepReason(kind: TargetKind, step: unknown): string | undefined {
  if (typeof step !== "object" || step === null || Array.isArray(step)) {
    return `a step is an object; ${describeSteps(kind)}`;
  }
  if (actionKeys[kind] in step) return undefined;
  const other = targetKinds.find((candidate) => actionKeys[candidate] in step);
  if (other !== undefined) {
    return `this is a ${other} step (${actionKeys[other]}:) in a ${kind} suite; ${describeSteps(kind)}`;
  }
  return `a ${kind} step needs ${actionKeys[kind]}:; ${describeSteps(kind)}`;
}
