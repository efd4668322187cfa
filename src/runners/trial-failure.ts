/**
 * Why a trial failed, as one line for the results file, the gate's error clusters and the agent's
 * feedback: the step, its description and its failures (the first few of them, with a count of the rest).
 */

const shownFailures = 3;

export function stepFailureMessage(
  stepNumber: number,
  description: string,
  failures: readonly string[],
): string {
  const shown = failures.slice(0, shownFailures).join("; ");
  const more = failures.length > shownFailures ? ` (+${failures.length - shownFailures} more)` : "";
  return `step ${stepNumber} (${description}): ${shown === "" ? "failed" : shown}${more}`;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
