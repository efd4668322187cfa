import { describe, expect, it } from "vitest";
import { formatMicroUsd, formatUsd } from "./money.js";

describe("formatMicroUsd", () => {
  it("shows dollars and cents with thousands separators", () => {
    expect(formatMicroUsd(1_230_000)).toBe("$1.23");
    expect(formatMicroUsd(1_234_567_890)).toBe("$1,234.57");
    expect(formatMicroUsd(0)).toBe("$0.00");
  });

  it("keeps amounts under a cent visible, down to the micro-dollar", () => {
    expect(formatMicroUsd(40)).toBe("$0.00004");
    expect(formatMicroUsd(1)).toBe("$0.000001");
    expect(formatMicroUsd(9_999)).toBe("$0.009999");
  });

  it("signs refunds", () => {
    expect(formatMicroUsd(-2_500_000)).toBe("-$2.50");
    expect(formatMicroUsd(-50)).toBe("-$0.00005");
  });

  it("turns dollars a person typed into the same text", () => {
    expect(formatUsd(1500)).toBe("$1,500.00");
  });
});
