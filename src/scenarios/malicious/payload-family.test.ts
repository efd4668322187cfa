import { describe, expect, it } from "vitest";
import { payloadFamilies } from "./payload-family.js";

describe("payloadFamilies", () => {
  it("lists the eight families once each", () => {
    expect(payloadFamilies).toHaveLength(8);
    expect(new Set(payloadFamilies).size).toBe(8);
    expect(payloadFamilies).toContain("naughty-string");
  });
});
