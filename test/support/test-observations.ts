/** Test support: observations of each kind with plausible defaults, changed where a test needs. */
import type {
  CliObservation,
  FunctionObservation,
  HttpObservation,
} from "../../src/contracts/observation.js";

export function httpObservation(changes: Partial<HttpObservation> = {}): HttpObservation {
  const body = "body" in changes ? changes.body : { id: 7, title: "milk" };
  return {
    kind: "http",
    request: { method: "GET", url: "http://127.0.0.1:4000/todos/7", headers: {}, bodyText: "" },
    status: 200,
    headers: { "content-type": "application/json" },
    bodyText: body === undefined ? "" : JSON.stringify(body),
    durationMs: 12,
    ...changes,
    body,
  };
}

export function cliObservation(changes: Partial<CliObservation> = {}): CliObservation {
  return {
    kind: "cli",
    argv: ["node", "cli.js"],
    stdin: "",
    exitCode: 0,
    signal: null,
    stdout: "",
    stderr: "",
    durationMs: 30,
    ...changes,
  };
}

export function functionObservation(
  changes: Partial<FunctionObservation> = {},
): FunctionObservation {
  return { kind: "function", export: "add", args: [2, 3], durationMs: 1, ...changes };
}
