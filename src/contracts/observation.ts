/**
 * What a step observed of the software under test: the input of every assertion and robustness check.
 * One shape per target kind; all carry how long the step took.
 */

export interface HttpObservation {
  kind: "http";
  /** The request as sent, after templates were rendered: robustness checks look for reflected payloads. */
  request: { method: string; url: string; headers: Record<string, string>; bodyText: string };
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  bodyText: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  body: unknown;
  durationMs: number;
}

export interface CliObservation {
  kind: "cli";
  argv: string[];
  stdin: string;
  exitCode: number | null;
  /** The signal that ended the process, e.g. "SIGKILL", or null. */
  signal: string | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface FunctionObservation {
  kind: "function";
  export: string;
  args: unknown[];
  /** Set when the call returned (awaited if it returned a promise). */
  returned?: unknown;
  /** Set when the call threw or its promise rejected. */
  threw?: { name: string; message: string; stack?: string };
  durationMs: number;
}

export type Observation = HttpObservation | CliObservation | FunctionObservation;

/**
 * Errors the JavaScript engine throws on a bug; a deliberate validation error is a custom class or Error.
 * The robustness checks count a function that throws one of them as crashed.
 */
export const engineErrorNames: readonly string[] = [
  "TypeError",
  "ReferenceError",
  "RangeError",
  "SyntaxError",
  "URIError",
  "EvalError",
];
