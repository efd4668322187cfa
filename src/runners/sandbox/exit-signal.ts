/**
 * bubblewrap reports a sandboxed command killed by signal n as its own exit code 128 + n (as shells do), so
 * the runner sees "SIGXCPU" only after decoding it. An exit code from 129 to 159 may also be a plain exit.
 */
import { constants } from "node:os";

// Reversed so that the first, usual name of a number wins over its aliases (SIGABRT over SIGIOT).
const signalNames = new Map(
  Object.entries(constants.signals)
    .reverse()
    .map(([name, number]) => [number, name as NodeJS.Signals]),
);

export function signalOfExitCode(exitCode: number | null): NodeJS.Signals | undefined {
  if (exitCode === null || exitCode <= 128) return undefined;
  return signalNames.get(exitCode - 128);
}
