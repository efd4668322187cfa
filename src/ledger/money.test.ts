import { describe, expect, it } from "vitest";
import { formatCents, formatUsd, formatUsdExact, microUsdFromUsd, usdText } from "./money.js";

describe("money", () => {
  it("converts dollars to micro-dollars exactly as written", () => {
    expect(microUsdFromUsd(1000)).toBe(1_000_000_000);
    expect(microUsdFromUsd(0.1 + 0.2)).toBe(300_000); // 0.30000000000000004 rounds to 300,000 µ$
    expect(microUsdFromUsd(12.3456785)).toBe(12_345_679);
  });

  it("prints exact dollars for machines and rounded dollars for people", () => {
    expect(usdText(12_345_678)).toBe("12.345678");
    expect(usdText(5)).toBe("0.000005");
    expect(formatUsd(12_345_678)).toBe("$12.35");
    expect(formatUsd(1_234_565_000)).toBe("$1,234.57");
    expect(formatUsd(-5_000)).toBe("-$0.01");
    expect(formatCents(123_456)).toBe("$1,234.56");
    expect(formatUsdExact(4_000)).toBe("$0.004");
    expect(formatUsdExact(12_500_000)).toBe("$12.50");
    expect(formatUsdExact(1_000_000_000)).toBe("$1,000.00");
  });
});
