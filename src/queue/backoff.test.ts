import { describe, expect, it } from "vitest";
import { checkBackoff, defaultBackoff, retryDelayMs } from "./backoff.js";

describe("retryDelayMs", () => {
  it("waits one second after the first failure and doubles up to five minutes", () => {
    const delays = Array.from({ length: 11 }, (_, index) => retryDelayMs(index + 1));
    expect(delays).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000,
    ]);
  });

  it("follows a configured schedule and never overflows on a large attempt", () => {
    const backoff = { baseMs: 50, maxMs: 300 };
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, backoff))).toEqual([
      50, 100, 200, 300, 300,
    ]);
    expect(retryDelayMs(10_000, defaultBackoff)).toBe(300_000);
  });

  it("refuses an attempt that is not counted from 1", () => {
    expect(() => retryDelayMs(0)).toThrow(/counted from 1/);
    expect(() => retryDelayMs(1.5)).toThrow(/counted from 1/);
  });
});

describe("checkBackoff", () => {
  it("accepts a base no larger than the cap and refuses the rest", () => {
    expect(checkBackoff({ baseMs: 0, maxMs: 0 })).toEqual({ baseMs: 0, maxMs: 0 });
    expect(() => checkBackoff({ baseMs: 10, maxMs: 5 })).toThrow(/0 ≤ baseMs ≤ maxMs/);
    expect(() => checkBackoff({ baseMs: -1, maxMs: 5 })).toThrow(/0 ≤ baseMs ≤ maxMs/);
  });
});
