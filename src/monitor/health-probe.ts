/**
 * The health check of a monitor cycle: one GET of the service's health path (from its spec) against the
 * release's stable address, counted as a probe like any scenario. A 2xx passes; anything else, a
 * connection error or no answer within the timeout fails, and the error says which.
 */
import { Agent, request } from "undici";
import type { ProbeResult } from "../contracts/release.js";
import type { HttpTarget } from "../runners/http/http-step-runner.js";
import { requireInteger } from "../stats/arguments.js";
import { shortProbeError } from "./run-probes.js";

export interface HealthProbeOptions {
  target: HttpTarget;
  /** e.g. `/health`, resolved against the target's base URL as the deploy's health check does. */
  healthPath: string;
  release: string;
  cycle: number;
  now(): Date;
  /** Milliseconds from any fixed origin, for the latency. */
  clock(): number;
  timeoutMs?: number;
}

export const healthScenario = "health";
const defaultTimeoutMs = 5000;

export async function healthProbe(options: HealthProbeOptions): Promise<ProbeResult> {
  const { target, healthPath, clock } = options;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  requireInteger(options.cycle, "cycle", 1);
  requireInteger(timeoutMs, "timeoutMs", 1);
  const url = new URL(healthPath, target.baseUrl).toString();
  // A dispatcher of its own, closed at once: a probe every minute must not hold connections open.
  const dispatcher = new Agent({
    connections: 1,
    ...(target.endpoint?.kind === "unix"
      ? { connect: { socketPath: target.endpoint.socketPath } }
      : {}),
  });
  const started = clock();
  const result = (error?: string): ProbeResult => ({
    release: options.release,
    cycle: options.cycle,
    scenario: healthScenario,
    title: `GET ${healthPath}`,
    passed: error === undefined,
    latencyMs: Math.max(clock() - started, 0),
    ...(error === undefined ? {} : { error: shortProbeError(error) }),
    at: options.now().toISOString(),
  });
  try {
    const response = await request(url, {
      method: "GET",
      dispatcher,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body.dump();
    if (response.statusCode >= 200 && response.statusCode < 300) return result();
    return result(`health check GET ${healthPath} answered status ${response.statusCode}`);
  } catch (error) {
    return result(`health check GET ${healthPath} failed: ${failureOf(error, timeoutMs)}`);
  } finally {
    await dispatcher.destroy();
  }
}

function failureOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === "TimeoutError") {
    return `no answer within ${timeoutMs} ms`;
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" && !message.includes(code) ? `${code} ${message}` : message;
}
