/**
 * What a worker's end means for the calls it leaves unanswered and for a start that failed: the calls in
 * flight when it was killed for a timed-out or aborted neighbour, when it crashed, or when it sent a line
 * that is not a response; and the error of a worker that never became ready, with its last stderr lines.
 */
import type { FunctionObservation } from "../../contracts/observation.js";
import { crashedObservation, killedObservation } from "./call-observation.js";
import { FunctionWorkerStartError } from "./errors.js";
import type { FunctionCallRequest } from "./pending-call.js";

/** Why the pool killed a worker; none when it ended on its own. */
export type KillCause =
  | { kind: "timeout" | "abort"; request: FunctionCallRequest }
  | { kind: "unreadable"; reason: string }
  | { kind: "start-timeout" | "closed" };

export interface WorkerExit {
  exitCode: number | null;
  signal: string | null;
  /** Set when the process could not be prepared or spawned at all. */
  spawnError?: Error;
}

export interface WorkerEnd {
  killCause: KillCause | undefined;
  exit: WorkerExit | undefined;
  stderrLines: string[];
}

export function unansweredObservation(
  request: FunctionCallRequest,
  durationMs: number,
  end: WorkerEnd & { exportsInFlight: string[] },
): FunctionObservation {
  const cause = end.killCause;
  if (cause?.kind === "timeout" || cause?.kind === "abort") {
    return killedObservation(request, { request: cause.request, reason: cause.kind }, durationMs);
  }
  return crashedObservation(
    request,
    {
      exitCode: end.exit?.exitCode ?? null,
      signal: end.exit?.signal ?? null,
      ...(cause?.kind === "unreadable" ? { unreadableResponse: cause.reason } : {}),
      exportsInFlight: end.exportsInFlight,
      stderrLines: end.stderrLines,
    },
    durationMs,
  );
}

export function startFailure(
  end: WorkerEnd & { startTimeoutMs: number },
): FunctionWorkerStartError {
  const { exit } = end;
  let how = "was stopped before it was ready";
  if (end.killCause?.kind === "start-timeout") {
    how = `did not become ready within ${end.startTimeoutMs} ms`;
  } else if (exit?.spawnError !== undefined) {
    how = `could not be started: ${exit.spawnError.message}`;
  } else if (exit !== undefined) {
    const ended = exit.signal === null ? `with code ${exit.exitCode}` : `on signal ${exit.signal}`;
    how = `exited ${ended} before it was ready`;
  }
  const output =
    end.stderrLines.length > 0 ? `; its last stderr lines:\n${end.stderrLines.join("\n")}` : "";
  return new FunctionWorkerStartError(`the function worker ${how}${output}`, exit?.spawnError);
}
