/**
 * Seeded randomness for simulations. Every simulation in shopfloor takes a RandomSource instead of calling
 * Math.random, so a run can be replayed exactly from its seed (a failing coverage test, a benchmark figure).
 */

import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { requireClosedUnitInterval, requireInteger } from "./arguments.js";

/** Uniform on [0, 1), like Math.random. */
export type RandomSource = () => number;

/** xoroshiro128+ seeded with a 32-bit integer; values are multiples of 2^-53. */
export function seededRandom(seed: number): RandomSource {
  requireInteger(seed, "seed", -(2 ** 31), 2 ** 31 - 1);
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

/**
 * seededRandom for consecutive small seeds (1, 2, 3…: the monitor's cycle numbers). xoroshiro128+'s first
 * draws for nearby small seeds are nearly equal (the first is close to 1 for each), so the seed is spread
 * over all 32 bits first: a golden-ratio offset, then MurmurHash3's finaliser, a bijection on 32 bits.
 * (seededRandom itself keeps its streams: pinned seeds elsewhere depend on them.)
 */
export function spreadSeedRandom(seed: number): RandomSource {
  requireInteger(seed, "seed", -(2 ** 31), 2 ** 31 - 1);
  let value = (seed + 0x9e3779b9) | 0;
  value = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35);
  return seededRandom((value ^ (value >>> 16)) | 0);
}

/** True with the given probability; uniform values are in [0, 1), so probability 1 is always true. */
export function bernoulli(random: RandomSource, probability: number): boolean {
  requireClosedUnitInterval(probability, "probability");
  return random() < probability;
}

/**
 * The number of successes in `trials` independent Bernoulli draws, drawn one by one: exact and simple, at a
 * cost linear in `trials`, which is fine for suites of up to a few thousand trials. Simulating much larger
 * counts would want an inversion or BTPE sampler instead.
 */
export function binomialSample(random: RandomSource, trials: number, probability: number): number {
  requireInteger(trials, "trials", 0);
  requireClosedUnitInterval(probability, "probability");
  let successes = 0;
  for (let draw = 0; draw < trials; draw++) {
    if (random() < probability) successes++;
  }
  return successes;
}
