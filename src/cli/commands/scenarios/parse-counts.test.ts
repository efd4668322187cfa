import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { parseCounts } from "./parse-counts.js";

describe("parseCounts", () => {
  it("reads normal, edge and malicious counts", () => {
    expect(parseCounts("100,50,30")).toEqual({ normal: 100, edge: 50, malicious: 30 });
    expect(parseCounts(" 5, 0 ,1")).toEqual({ normal: 5, edge: 0, malicious: 1 });
  });

  it.each(["100,50", "1,2,3,4", "1,,3", "1,-2,3", "1.5,2,3", "a,b,c", ""])("refuses %j", (text) => {
    expect(() => parseCounts(text)).toThrow(InvalidArgumentError);
  });
});
