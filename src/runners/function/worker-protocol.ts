/**
 * The line protocol between the pool and runtime/function-worker.mjs: requests on the worker's stdin,
 * responses on its file descriptor 3 (never stdout, which the code under test may print to). The worker is
 * ours but shares its process with untrusted code, so every response line is checked before it is believed.
 */
import { encodeFunctionValue } from "./function-value.js";

export interface WorkerRequest {
  id: number;
  /** An absolute path. */
  module: string;
  export: string;
  args: unknown[];
}

export interface ThrownError {
  name: string;
  message: string;
  stack?: string;
}

export type CallOutcome = { returned: unknown } | { threw: ThrownError };

export type WorkerMessage =
  | { kind: "ready" }
  | { kind: "response"; id: number; outcome: CallOutcome; durationMs: number }
  | { kind: "unreadable"; reason: string };

export function requestLine(request: WorkerRequest): string {
  return `${JSON.stringify({ ...request, args: encodeFunctionValue(request.args) })}\n`;
}

export function parseWorkerMessage(line: string): WorkerMessage {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    return unreadable(line, "not JSON");
  }
  if (!isRecord(message)) return unreadable(line, "not an object");
  if (message.ready === true) return { kind: "ready" };
  const { id, durationMs } = message;
  if (typeof id !== "number" || typeof durationMs !== "number") {
    return unreadable(line, "no numeric id and durationMs");
  }
  if ("returned" in message)
    return { kind: "response", id, outcome: { returned: message.returned }, durationMs };
  const threw = readThrown(message.threw);
  if (threw === undefined) return unreadable(line, "neither returned nor a well-formed threw");
  return { kind: "response", id, outcome: { threw }, durationMs };
}

function readThrown(value: unknown): ThrownError | undefined {
  if (!isRecord(value)) return undefined;
  const { name, message, stack } = value;
  if (typeof name !== "string" || typeof message !== "string") return undefined;
  return typeof stack === "string" ? { name, message, stack } : { name, message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function unreadable(line: string, problem: string): WorkerMessage {
  const preview = line.length > 120 ? `${line.slice(0, 119)}…` : line;
  return { kind: "unreadable", reason: `${problem}: ${preview}` };
}
