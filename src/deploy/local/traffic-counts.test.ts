import { describe, expect, it } from "vitest";
import { keptLatencies, TrafficCounter } from "./traffic-counts.js";

describe("TrafficCounter", () => {
  it("counts requests and failures, and keeps latencies in the order they were answered", () => {
    const counter = new TrafficCounter();
    counter.record({ latencyMs: 12, failed: false });
    counter.record({ latencyMs: 30, failed: true });
    counter.record({ latencyMs: 7, failed: false });
    expect(counter.snapshot()).toEqual({ requests: 3, errors: 1, recentLatenciesMs: [12, 30, 7] });
  });

  it("keeps only the last 1,000 latencies but counts every request", () => {
    const counter = new TrafficCounter();
    for (let index = 0; index < keptLatencies + 5; index += 1) {
      counter.record({ latencyMs: index, failed: false });
    }
    const snapshot = counter.snapshot();
    expect(snapshot.requests).toBe(keptLatencies + 5);
    expect(snapshot.recentLatenciesMs).toHaveLength(keptLatencies);
    expect(snapshot.recentLatenciesMs[0]).toBe(5);
    expect(snapshot.recentLatenciesMs.at(-1)).toBe(keptLatencies + 4);
  });

  it("hands out a copy, so later requests do not change an earlier snapshot", () => {
    const counter = new TrafficCounter();
    counter.record({ latencyMs: 1, failed: false });
    const snapshot = counter.snapshot();
    counter.record({ latencyMs: 2, failed: true });
    expect(snapshot).toEqual({ requests: 1, errors: 0, recentLatenciesMs: [1] });
  });
});
