import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../contracts/errors.js";
import { bernoulli, binomialSample, seededRandom, spreadSeedRandom } from "./random.js";

describe("seededRandom", () => {
  it("replays the same sequence from the same seed and a different one from another", () => {
    const first = seededRandom(42);
    const second = seededRandom(42);
    const other = seededRandom(43);
    const draws = Array.from({ length: 5 }, () => first());
    expect(Array.from({ length: 5 }, () => second())).toEqual(draws);
    expect(Array.from({ length: 5 }, () => other())).not.toEqual(draws);
  });

  it("is uniform on [0, 1): right mean and variance, never 1", () => {
    const random = seededRandom(7);
    const count = 100_000;
    let sum = 0;
    let sumOfSquares = 0;
    let outside = 0;
    for (let draw = 0; draw < count; draw++) {
      const value = random();
      if (!(value >= 0 && value < 1)) outside++;
      sum += value;
      sumOfSquares += value * value;
    }
    expect(outside).toBe(0);
    const mean = sum / count;
    // Standard error of the mean is sqrt(1/12 / 100,000) ≈ 0.0009; 0.005 is more than five of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(sumOfSquares / count - mean * mean - 1 / 12)).toBeLessThan(0.005);
  });

  it("rejects a seed that is not a 32-bit integer", () => {
    expect(() => seededRandom(1.5)).toThrow(InvalidArgumentError);
    expect(() => seededRandom(2 ** 40)).toThrow("seed must be at most 2147483647");
  });
});

describe("bernoulli and binomialSample", () => {
  it("are certain at probabilities 0 and 1", () => {
    const random = seededRandom(1);
    expect(bernoulli(random, 0)).toBe(false);
    expect(bernoulli(random, 1)).toBe(true);
    expect(binomialSample(random, 50, 0)).toBe(0);
    expect(binomialSample(random, 50, 1)).toBe(50);
    expect(binomialSample(random, 0, 0.5)).toBe(0);
  });

  it("have the binomial mean and variance", () => {
    const random = seededRandom(11);
    const samples = Array.from({ length: 20_000 }, () => binomialSample(random, 100, 0.9));
    const mean = samples.reduce((total, value) => total + value, 0) / samples.length;
    const variance =
      samples.reduce((total, value) => total + (value - mean) ** 2, 0) / (samples.length - 1);
    // Mean 90 (standard error 0.021), variance 9 (standard error about 0.09).
    expect(Math.abs(mean - 90)).toBeLessThan(0.1);
    expect(Math.abs(variance - 9)).toBeLessThan(0.45);
  });

  it("reject probabilities outside [0, 1] and negative trial counts", () => {
    const random = seededRandom(1);
    expect(() => bernoulli(random, 1.1)).toThrow(
      "probability must be between 0 and 1 inclusive, got 1.1",
    );
    expect(() => binomialSample(random, -1, 0.5)).toThrow("trials must be at least 0, got -1");
  });
});

describe("spreadSeedRandom", () => {
  it("gives consecutive small seeds first draws spread over [0, 1), unlike seededRandom", () => {
    const seeds = Array.from({ length: 20 }, (_, index) => index + 1);
    const plain = seeds.map((seed) => seededRandom(seed)());
    const spread = seeds.map((seed) => spreadSeedRandom(seed)());
    expect(Math.min(...plain)).toBeGreaterThan(0.99);
    expect(spread.filter((value) => value < 0.5).length).toBeGreaterThan(5);
    expect(spread.filter((value) => value >= 0.5).length).toBeGreaterThan(5);
    expect(spreadSeedRandom(7)()).toBe(spreadSeedRandom(7)());
  });
});
