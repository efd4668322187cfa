/**
 * Captures: values a step hands to later steps (`created: body`, `location: header.location`). A path that
 * finds nothing is a failure of the step, said in words, not an exception: the runner reports it as the
 * trial's error and does not run the steps that would have used it.
 */
import type { Observation } from "../contracts/observation.js";
import { lookUpViewPath, observationView } from "./observation-view.js";
import { quote } from "./preview.js";
import { describeMissing } from "./value-path.js";

export interface CaptureResult {
  /** The captured values by name; only the captures that found a value. */
  values: Record<string, unknown>;
  /** One message per capture that found nothing. */
  failures: string[];
}

export function captureValues(
  capture: Readonly<Record<string, string>>,
  observation: Observation,
): CaptureResult {
  const view = observationView(observation);
  const values: [string, unknown][] = [];
  const failures: string[] = [];
  for (const [name, path] of Object.entries(capture)) {
    const lookup = safeLookUp(view, path);
    if (lookup.found && lookup.value !== undefined) {
      values.push([name, lookup.value]);
      continue;
    }
    const reason = lookup.found ? "the value is undefined" : lookup.reason;
    failures.push(`capture "${name}" (${path}): ${reason}${bodyHint(path, observation)}`);
  }
  return { values: Object.fromEntries(values), failures };
}

function safeLookUp(
  view: Record<string, unknown>,
  path: string,
): { found: true; value: unknown } | { found: false; reason: string } {
  try {
    const lookup = lookUpViewPath(view, path);
    return lookup.found ? lookup : { found: false, reason: describeMissing(lookup) };
  } catch (error) {
    return { found: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function bodyHint(path: string, observation: Observation): string {
  if (observation.kind !== "http" || !path.startsWith("body") || observation.body !== undefined) {
    return "";
  }
  return `; the response body is not JSON: ${quote(observation.bodyText)}`;
}
