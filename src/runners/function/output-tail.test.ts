import { describe, expect, it } from "vitest";
import { OutputTail } from "./output-tail.js";

describe("OutputTail", () => {
  it("keeps the last lines, across chunks that split lines", () => {
    const tail = new OutputTail(2);
    tail.append("first\nsec");
    tail.append("ond\nthird\n");
    expect(tail.lines()).toEqual(["second", "third"]);
  });

  it("holds a bounded amount of text however much is written", () => {
    const tail = new OutputTail(5, 50);
    for (let index = 0; index < 1_000; index += 1) tail.append(`line ${index}\n`);
    expect(tail.lines().join("\n").length).toBeLessThanOrEqual(50);
    expect(tail.lines().at(-1)).toBe("line 999");
  });

  it("has no lines before anything is written", () => {
    expect(new OutputTail().lines()).toEqual([]);
  });
});
