/** `exitCode: 0`: how a command ended; the end of its stderr usually says why it ended otherwise. */

import type { CliObservation } from "../../contracts/observation.js";
import { quote } from "../../scenarios/preview.js";

const stderrTail = 120;

export function checkExitCode(expected: number, observation: CliObservation): string | undefined {
  if (observation.exitCode === expected) return undefined;
  const ended =
    observation.exitCode === null
      ? `the process was killed by ${observation.signal ?? "a signal"}`
      : `got ${observation.exitCode}`;
  const stderr = observation.stderr.trimEnd();
  const tail =
    stderr === "" ? "" : `; stderr ends: ${quote(stderr.slice(-stderrTail), stderrTail + 1)}`;
  return `expected exit code ${expected}, ${ended}${tail}`;
}
