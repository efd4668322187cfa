/**
 * Binomial probabilities for the exact computations (coverage, single-sampling plans). Internal: callers in
 * this folder validate their arguments first, so these functions assume whole counts and 0 <= p <= 1.
 */

import betainc from "@stdlib/math-base-special-betainc";
import gammaln from "@stdlib/math-base-special-gammaln";

/**
 * ln P(X = count) for X ~ Bin(trials, probability), in log space because C(n, k) p^k (1-p)^(n-k)
 * overflows and underflows long before n = 100,000 even though the product itself is ordinary.
 */
export function binomialLogProbability(count: number, trials: number, probability: number): number {
  if (count < 0 || count > trials) return Number.NEGATIVE_INFINITY;
  if (probability === 0) return count === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (probability === 1) return count === trials ? 0 : Number.NEGATIVE_INFINITY;
  const logChoose = gammaln(trials + 1) - gammaln(count + 1) - gammaln(trials - count + 1);
  return logChoose + count * Math.log(probability) + (trials - count) * Math.log1p(-probability);
}

/** P(X <= count), through the regularised incomplete beta function rather than a sum of terms. */
export function binomialCumulative(count: number, trials: number, probability: number): number {
  if (count < 0) return 0;
  if (count >= trials) return 1;
  // P(X <= k) = 1 - I_p(k + 1, n - k); asking for the upper tail avoids the subtraction.
  return betainc(probability, count + 1, trials - count, true, true);
}
