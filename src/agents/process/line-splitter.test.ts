import { describe, expect, it } from "vitest";
import { LineSplitter } from "./line-splitter.js";

describe("LineSplitter", () => {
  it("cuts lines across chunks, keeps split characters whole and hands over the last line", () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    const bytes = Buffer.from("first\r\nsecond caf\u00e9\nlast", "utf8");
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of é
    splitter.push(bytes.subarray(0, cut));
    splitter.push(bytes.subarray(cut));
    expect(lines).toEqual(["first", "second café"]);
    splitter.end();
    expect(lines).toEqual(["first", "second café", "last"]);
  });
});
