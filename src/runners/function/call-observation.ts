/**
 * The observation of a function call, from a worker's answer or from what ended the call without one: a
 * timeout, an abort, the worker crashing, or the worker being killed for another call in flight on it.
 * These names are what scenarios and reports see in `threw.name`.
 */
import type { FunctionObservation } from "../../contracts/observation.js";
import type { FunctionCallRequest } from "./pending-call.js";
import type { CallOutcome } from "./worker-protocol.js";

export const timeoutErrorName = "TrialTimeout";
export const abortedErrorName = "ShopfloorAborted";
export const crashedErrorName = "WorkerCrashed";
export const killedErrorName = "WorkerKilled";

export function callObservation(
  request: FunctionCallRequest,
  outcome: CallOutcome,
  durationMs: number,
): FunctionObservation {
  return { kind: "function", export: request.export, args: request.args, ...outcome, durationMs };
}

export function timedOutObservation(
  request: FunctionCallRequest,
  durationMs: number,
): FunctionObservation {
  const message = `call timed out after ${request.timeoutMs} ms`;
  return callObservation(request, { threw: { name: timeoutErrorName, message } }, durationMs);
}

export function abortedObservation(
  request: FunctionCallRequest,
  durationMs: number,
): FunctionObservation {
  const message = `the call to export "${request.export}" was aborted before it finished`;
  return callObservation(request, { threw: { name: abortedErrorName, message } }, durationMs);
}

/** How a worker ended, for the calls that were in flight on it. */
export interface WorkerEnd {
  exitCode: number | null;
  signal: string | null;
  /** Set when the pool stopped the worker because it sent a line that is not a response. */
  unreadableResponse?: string;
  /** The exports of every call in flight on the worker when it ended. */
  exportsInFlight: string[];
  stderrLines: string[];
}

export function crashedObservation(
  request: FunctionCallRequest,
  end: WorkerEnd,
  durationMs: number,
): FunctionObservation {
  const how =
    end.unreadableResponse === undefined
      ? `exited ${end.signal === null ? `with code ${end.exitCode}` : `on signal ${end.signal}`}`
      : `sent a line that is not a response (${end.unreadableResponse}) and was stopped`;
  let message = `the function worker ${how} while calling export "${request.export}"`;
  if (end.exportsInFlight.length > 1) {
    const exports = end.exportsInFlight.map((name) => `"${name}"`).join(", ");
    message += ` (${end.exportsInFlight.length} calls were in flight on it: ${exports}; any of them may have ended it)`;
  }
  if (end.stderrLines.length > 0)
    message += `; its last stderr lines:\n${end.stderrLines.join("\n")}`;
  return callObservation(request, { threw: { name: crashedErrorName, message } }, durationMs);
}

/** A call that was in flight beside one that timed out or was aborted: its worker was killed for that. */
export function killedObservation(
  request: FunctionCallRequest,
  cause: { request: FunctionCallRequest; reason: "timeout" | "abort" },
  durationMs: number,
): FunctionObservation {
  const what =
    cause.reason === "timeout" ? `timed out after ${cause.request.timeoutMs} ms` : "was aborted";
  const message =
    `the function worker was killed because a call to export "${cause.request.export}" on it ${what}; ` +
    `this call to export "${request.export}" was in flight on the same worker and is not retried`;
  return callObservation(request, { threw: { name: killedErrorName, message } }, durationMs);
}
