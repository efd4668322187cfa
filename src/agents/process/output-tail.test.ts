import { describe, expect, it } from "vitest";
import { OutputTail } from "./output-tail.js";

describe("OutputTail", () => {
  it("keeps only the last characters", () => {
    const tail = new OutputTail(5);
    tail.push("abc");
    expect(tail.toString()).toBe("abc");
    for (const letter of "defghijklmnop") tail.push(letter);
    expect(tail.toString()).toBe("lmnop");
  });
});
