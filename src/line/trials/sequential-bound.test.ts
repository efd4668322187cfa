import { describe, expect, it } from "vitest";
import { approvalBoundAtThreshold } from "./sequential-bound.js";

const gate = { confidence: 0.95, method: "clopper-pearson" as const };

describe("approvalBoundAtThreshold", () => {
  it("adds the round-1 look's exact chance and β / (1 − α) for the admin profile's categories", () => {
    // normal: 100 scenarios, the 95% bound clears 95% with at most one failure.
    const normal = approvalBoundAtThreshold({ ...gate, threshold: 0.95, scenarios: 100 });
    expect(normal.firstLook).toBeCloseTo(0.95 ** 100 + 100 * 0.05 * 0.95 ** 99, 12);
    expect(normal.sequentialLooks).toBeCloseTo(0.05 / 0.95, 12);
    expect(normal.total).toBeCloseTo(0.0897, 4);
    // edge: 50 scenarios at 90%, at most one failure; malicious: 30 scenarios, none.
    const edge = approvalBoundAtThreshold({ ...gate, threshold: 0.9, scenarios: 50 });
    expect(edge.firstLook).toBeCloseTo(0.9 ** 50 + 50 * 0.1 * 0.9 ** 49, 12);
    const malicious = approvalBoundAtThreshold({ ...gate, threshold: 0.9, scenarios: 30 });
    expect(malicious.firstLook).toBeCloseTo(0.9 ** 30, 12);
    expect(malicious.total).toBeCloseTo(0.095, 3);
  });

  it("is the sequential part alone when round 1 can never pass", () => {
    const strict = approvalBoundAtThreshold({ ...gate, threshold: 0.99, scenarios: 100 });
    expect(strict.firstLook).toBe(0);
    expect(strict.total).toBeCloseTo(0.05 / 0.95, 12);
  });

  it("allows no failure in round 1 under zero tolerance", () => {
    const lenient = approvalBoundAtThreshold({ ...gate, threshold: 0.9, scenarios: 200 });
    const strict = approvalBoundAtThreshold({
      ...gate,
      threshold: 0.9,
      scenarios: 200,
      zeroTolerance: true,
    });
    expect(strict.firstLook).toBeCloseTo(0.9 ** 200, 15);
    expect(lenient.firstLook).toBeGreaterThan(strict.firstLook);
  });
});
