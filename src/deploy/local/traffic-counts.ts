/**
 * What the reverse proxy saw of one release's traffic: how many requests it sent there, how many failed
 * (a 5xx answer, or the release could not be reached), and how long the last ones took. The monitor's
 * and the canary's evidence; kept small (a bounded window of latencies) so a long-lived host stays small.
 */
import type { TrafficCounts } from "./release-host.js";

/** One proxied request, as it ended. */
export interface ProxiedAnswer {
  latencyMs: number;
  failed: boolean;
}

export const keptLatencies = 1_000;

export class TrafficCounter {
  #requests = 0;
  #errors = 0;
  readonly #latenciesMs: number[] = [];

  record(answer: ProxiedAnswer): void {
    this.#requests += 1;
    if (answer.failed) this.#errors += 1;
    this.#latenciesMs.push(answer.latencyMs);
    if (this.#latenciesMs.length > keptLatencies) this.#latenciesMs.shift();
  }

  snapshot(): TrafficCounts {
    return {
      requests: this.#requests,
      errors: this.#errors,
      recentLatenciesMs: [...this.#latenciesMs],
    };
  }
}
