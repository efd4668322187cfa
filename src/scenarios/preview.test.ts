import { describe, expect, it } from "vitest";
import { preview, quote, truncate } from "./preview.js";

describe("previews", () => {
  it("cut long text and mark the cut", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abc", 4)).toBe("abc");
    expect(truncate("x".repeat(1000))).toHaveLength(300);
  });

  it("never split a surrogate pair", () => {
    expect(truncate("ab😀cd", 4)).toBe("ab…");
  });

  it("show values as JSON", () => {
    expect(preview("milk")).toBe('"milk"');
    expect(preview({ id: 1 })).toBe('{"id":1}');
    expect(preview(undefined)).toBe("undefined");
    expect(preview(10n)).toBe("10");
    expect(preview({ long: "y".repeat(200) }, 20)).toHaveLength(20);
  });

  it("quote text after cutting it", () => {
    expect(quote('say "hi"\n', 80)).toBe('"say \\"hi\\"\\n"');
    expect(quote("a".repeat(100), 10)).toBe(`"${"a".repeat(9)}…"`);
  });
});
