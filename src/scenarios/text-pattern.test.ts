import { describe, expect, it } from "vitest";
import { compilePattern } from "./text-pattern.js";

describe("compilePattern", () => {
  it("compiles unicode-aware patterns", () => {
    const compiled = compilePattern("^\\p{Lu}");
    expect(compiled.ok && compiled.value.test("Émile")).toBe(true);
  });

  it("accepts patterns that are only valid without the u flag", () => {
    const compiled = compilePattern("a\\-b");
    expect(compiled.ok && compiled.value.test("a-b")).toBe(true);
  });

  it("says what is wrong with a pattern that does not compile", () => {
    expect(compilePattern("(unclosed")).toEqual({
      ok: false,
      error: expect.stringMatching(/^invalid regular expression \/\(unclosed\/: /),
    });
  });

  it("compiles each pattern once", () => {
    expect(compilePattern("^ok$")).toBe(compilePattern("^ok$"));
  });
});
