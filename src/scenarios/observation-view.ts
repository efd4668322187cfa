/**
 * The view of an observation that paths, captures, expressions and predicates see: the facts of one step
 * under short names (`status`, `body`, `stdout`, `returned`), the same names the docs show.
 */

import type { Observation } from "../contracts/observation.js";
import type { TargetKind } from "../contracts/scenario.js";
import { lookUpPath, type PathLookup, type PathSegment, parsePath } from "./value-path.js";

export type ObservationView = Record<string, unknown>;

/** The names at the top of the view of each kind of step. */
export const viewNames: Readonly<Record<TargetKind, readonly string[]>> = {
  http: ["status", "headers", "header", "body", "bodyText", "durationMs"],
  cli: ["exitCode", "signal", "stdout", "stderr", "durationMs"],
  function: ["returned", "threw", "durationMs"],
};

export function observationView(observation: Observation): ObservationView {
  switch (observation.kind) {
    case "http":
      return {
        status: observation.status,
        headers: observation.headers,
        // `header.location` reads better in a capture; both names are the same object.
        header: observation.headers,
        body: observation.body,
        bodyText: observation.bodyText,
        durationMs: observation.durationMs,
      };
    case "cli":
      return {
        exitCode: observation.exitCode,
        signal: observation.signal,
        stdout: observation.stdout,
        stderr: observation.stderr,
        durationMs: observation.durationMs,
      };
    case "function":
      return {
        returned: observation.returned,
        threw: observation.threw,
        durationMs: observation.durationMs,
      };
  }
}

/**
 * Parses a path into the view; header names are case-insensitive, so the key after `header` or `headers`
 * is lower-cased like the observed names (`header.Location` reads `location`).
 */
export function parseViewPath(path: string): PathSegment[] {
  const segments = parsePath(path);
  const [root, name] = segments;
  if ((root === "header" || root === "headers") && typeof name === "string") {
    segments[1] = name.toLowerCase();
  }
  return segments;
}

export function lookUpViewPath(view: ObservationView, path: string): PathLookup {
  return lookUpPath(view, parseViewPath(path));
}
