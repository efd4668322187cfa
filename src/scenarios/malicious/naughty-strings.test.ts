import { describe, expect, it } from "vitest";
import { naughtyStrings } from "./naughty-strings.js";

const values = naughtyStrings.map(([value]) => value);

describe("naughtyStrings", () => {
  it.each([
    ["the empty string", ""],
    ["a zero-width space", "\u200b"],
    ["a right-to-left override", "\u202egnp.exe"],
    ["the word null", "null"],
    ["the word undefined", "undefined"],
    ["NaN", "NaN"],
    ["true", "true"],
    ["negative zero", "-0"],
    ["a Windows reserved name", "CON"],
    ["the line separator", "\u2028"],
    ["the paragraph separator", "\u2029"],
    ["a byte order mark", "\ufeff"],
    ["a NUL", "\u0000"],
    ["the last code point", "\u{10FFFF}"],
  ])("holds %s", (_, value) => {
    expect(values).toContain(value);
  });

  it("holds an emoji joined by zero-width joiners and combining marks", () => {
    expect(
      values.some((value) => value.includes("\u200d") && /\p{Extended_Pictographic}/u.test(value)),
    ).toBe(true);
    expect(values.some((value) => /\p{M}{5,}/u.test(value))).toBe(true);
  });

  it("holds whitespace of several kinds", () => {
    const whitespace = values.filter((value) => value !== "" && value.trim() === "");
    expect(whitespace.length).toBeGreaterThanOrEqual(4);
  });

  it("holds a very long number", () => {
    expect(values.some((value) => /^\d{40,}$/.test(value))).toBe(true);
  });
});
