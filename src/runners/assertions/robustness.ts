/**
 * The robustness checks the runner applies to edge and malicious scenarios (unless a scenario says
 * `robustness: false`): whatever the scenario asserts, a hostile or odd input must not crash the
 * software, leak how it is built (stack traces, internal paths) or be reflected unescaped into a page.
 */

import {
  type CliObservation,
  engineErrorNames,
  type FunctionObservation,
  type HttpObservation,
  type Observation,
} from "../../contracts/observation.js";
import { quote } from "../../scenarios/preview.js";
import { crashedErrorName } from "../function/call-observation.js";
import { findInternalPaths } from "./internal-path.js";
import { findReflectedPayload } from "./reflected-payload.js";
import { findStackTrace } from "./stack-trace.js";

export interface RobustnessOptions {
  /** The runner killed the step for taking too long: it reports that itself, so it is not a crash here. */
  timedOut?: boolean;
  /**
   * What earlier steps of the trial sent: a path stored by one step and read back by the next is the
   * client's own text, not a leak.
   */
  sentEarlier?: string;
}

/** The text a step sent, which the robustness checks do not count as a leak when it comes back. */
export function sentText(observation: Observation): string {
  switch (observation.kind) {
    case "http":
      return `${safeDecode(observation.request.url)}\n${observation.request.bodyText}`;
    case "cli":
      return `${observation.argv.join("\n")}\n${observation.stdin}`;
    case "function":
      return "";
  }
}

// Headers whose values are URLs or cookies: a path in them is a route, not a file.
const urlHeaders: ReadonlySet<string> = new Set([
  "location",
  "content-location",
  "link",
  "refresh",
  "set-cookie",
]);

export function robustnessFailures(
  observation: Observation,
  options: RobustnessOptions = {},
): string[] {
  switch (observation.kind) {
    case "http":
      return httpFailures(observation, options);
    case "cli":
      return cliFailures(observation, options);
    case "function":
      return functionFailures(observation);
  }
}

function httpFailures(observation: HttpObservation, options: RobustnessOptions): string[] {
  const failures: string[] = [];
  if (observation.status >= 500) {
    failures.push(
      `robustness: got ${observation.status} (a malicious or edge input must get a clean 4xx or a correct result)`,
    );
  }
  const trace = findStackTrace(observation.bodyText);
  if (trace !== undefined)
    failures.push(`robustness: the body shows a stack trace: ${quote(trace)}`);
  const sent = `${sentText(observation)}\n${options.sentEarlier ?? ""}`;
  const [bodyPath] = findInternalPaths(observation.bodyText, sent);
  if (bodyPath !== undefined)
    failures.push(`robustness: the body shows an internal path: ${quote(bodyPath)}`);
  for (const [name, value] of Object.entries(observation.headers)) {
    if (urlHeaders.has(name)) continue;
    const [headerPath] = findInternalPaths(value, sent);
    if (headerPath === undefined) continue;
    failures.push(`robustness: header "${name}" shows an internal path: ${quote(headerPath)}`);
    break;
  }
  const reflected = findReflectedPayload(observation);
  if (reflected !== undefined) {
    failures.push(
      `robustness: the HTML response reflects the request's ${quote(reflected)} unescaped`,
    );
  }
  return failures;
}

function cliFailures(observation: CliObservation, options: RobustnessOptions): string[] {
  const failures: string[] = [];
  if (observation.signal !== null && !options.timedOut) {
    failures.push(`robustness: the process was killed by ${observation.signal} (a crash)`);
  } else if (observation.exitCode !== null && observation.exitCode >= 128 && !options.timedOut) {
    const signal = observation.exitCode - 128;
    failures.push(
      `robustness: exit code ${observation.exitCode} (a crash: 128 + signal ${signal})`,
    );
  }
  const trace = findStackTrace(observation.stderr);
  if (trace !== undefined) {
    failures.push(`robustness: stderr shows an uncaught exception's stack trace: ${quote(trace)}`);
  }
  const sent = `${sentText(observation)}\n${options.sentEarlier ?? ""}`;
  const [path] = findInternalPaths(observation.stdout, sent);
  if (path !== undefined)
    failures.push(`robustness: stdout shows an internal path: ${quote(path)}`);
  return failures;
}

function functionFailures(observation: FunctionObservation): string[] {
  const thrown = observation.threw;
  if (thrown === undefined) return [];
  if (engineErrorNames.includes(thrown.name))
    return [`robustness: ${thrown.name}: ${thrown.message}`];
  if (thrown.name === crashedErrorName) return [`robustness: ${thrown.message}`];
  return [];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
