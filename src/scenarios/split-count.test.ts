import { describe, expect, it } from "vitest";
import { splitCount } from "./split-count.js";

describe("splitCount", () => {
  it("shares in proportion to the weights, exactly summing to the total", () => {
    expect(splitCount(18, { normal: 100, edge: 50, malicious: 30 })).toEqual({
      normal: 10,
      edge: 5,
      malicious: 3,
    });
    const split = splitCount(20, { normal: 100, edge: 50, malicious: 30 });
    expect(split.normal + split.edge + split.malicious).toBe(20);
    expect(split).toEqual({ normal: 11, edge: 6, malicious: 3 });
  });

  it("gives nothing when nothing is asked for", () => {
    expect(splitCount(10, { normal: 0, edge: 0, malicious: 0 })).toEqual({
      normal: 0,
      edge: 0,
      malicious: 0,
    });
    expect(splitCount(5, { normal: 0, edge: 1, malicious: 0 })).toEqual({
      normal: 0,
      edge: 5,
      malicious: 0,
    });
  });
});
