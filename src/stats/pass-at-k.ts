/**
 * Capability and reliability from repeated attempts at one task. pass@k (Chen et al. 2021) is the chance
 * that at least one of k attempts succeeds: what a retry loop can reach. pass^k (Yao et al. 2024, τ-bench)
 * is the chance that all k succeed: what a user who runs the same request k times experiences. Both are
 * unbiased estimates from `samples` attempts of which `correct` succeeded.
 */

import { requireInteger } from "./arguments.js";

/**
 * 1 - C(n - c, k) / C(n, k), as the product 1 - Π_{i = n-c+1}^{n} (1 - k/i) from the Codex paper: the
 * binomial coefficients themselves overflow for modest n, the product of c factors does not.
 */
export function passAtK(samples: number, correct: number, k: number): number {
  validate(samples, correct, k);
  if (samples - correct < k) return 1;
  let allFail = 1;
  for (let index = samples - correct + 1; index <= samples; index++) allFail *= 1 - k / index;
  return 1 - allFail;
}

/** C(c, k) / C(n, k) as the product Π_{i=0}^{k-1} (c - i) / (n - i), each factor at most 1. */
export function passHatK(samples: number, correct: number, k: number): number {
  validate(samples, correct, k);
  if (correct < k) return 0;
  let allPass = 1;
  for (let index = 0; index < k; index++) allPass *= (correct - index) / (samples - index);
  return allPass;
}

function validate(samples: number, correct: number, k: number): void {
  requireInteger(samples, "samples", 1);
  requireInteger(correct, "correct", 0, samples);
  requireInteger(k, "k", 1, samples);
}
