/**
 * The built-in quality profiles. Their headline numbers are the article's (admin 95%, standard 99%,
 * payments 99.9%); the per-category thresholds are chosen so that the default suite (100 normal, 50 edge,
 * 30 malicious scenarios) can approve a flawless build under the default profile, `admin`. The stricter
 * profiles need larger suites, and `shopfloor plan --profile` says how many scenarios they add. The
 * intake minimums (60, 75, 85) are the requirements-lint scores a spec needs before any money is spent;
 * the SLOs are what the monitor holds a live release to (its probes' failure rate and p95 latency).
 */
import type { QualityProfile } from "../contracts/index.js";

export const builtInProfiles: readonly QualityProfile[] = [
  {
    name: "admin",
    description:
      "Internal tools and admin panels: 95% of normal use, 90% of edge and malicious cases.",
    confidence: 0.95,
    method: "clopper-pearson",
    mode: "bound",
    categories: {
      normal: { threshold: 0.95, zeroTolerance: false },
      edge: { threshold: 0.9, zeroTolerance: false },
      malicious: { threshold: 0.9, zeroTolerance: false },
    },
    intake: { minimumScore: 60 },
    maxAttempts: 3,
    maxTrialRounds: 3,
    slo: { errorRate: 0.05, p95LatencyMs: 1_000 },
  },
  {
    name: "standard",
    description: "Customer-facing services: 99% of normal use, 97% of edge and malicious cases.",
    confidence: 0.95,
    method: "clopper-pearson",
    mode: "bound",
    categories: {
      normal: { threshold: 0.99, zeroTolerance: false },
      edge: { threshold: 0.97, zeroTolerance: false },
      malicious: { threshold: 0.97, zeroTolerance: false },
    },
    intake: { minimumScore: 75 },
    maxAttempts: 3,
    maxTrialRounds: 3,
    slo: { errorRate: 0.01, p95LatencyMs: 500 },
  },
  {
    name: "payments",
    description:
      "Money moves: 99.9% of normal use, 99% of edge cases, and no malicious case may ever fail.",
    confidence: 0.95,
    method: "clopper-pearson",
    mode: "bound",
    categories: {
      normal: { threshold: 0.999, zeroTolerance: false },
      edge: { threshold: 0.99, zeroTolerance: false },
      malicious: { threshold: 0.99, zeroTolerance: true },
    },
    intake: { minimumScore: 85 },
    maxAttempts: 3,
    maxTrialRounds: 3,
    slo: { errorRate: 0.002, p95LatencyMs: 500 },
  },
];

export const defaultProfileName = "admin";

/** The suite sizes the scenario generators produce unless told otherwise (the article's 100/50/30). */
export const defaultSuiteSizes = { normal: 100, edge: 50, malicious: 30 } as const;
