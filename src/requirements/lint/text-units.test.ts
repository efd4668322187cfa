import { describe, expect, it } from "vitest";
import {
  codePlaceholder,
  escapeRegExp,
  maskBacktickSpans,
  maskCodeLikeTokens,
  maskCodeValues,
  phrasePattern,
  splitSentences,
  wordPattern,
  wordsOf,
} from "./text-units.js";

describe("masking code", () => {
  it("turns backtick spans into the placeholder, however many backticks", () => {
    expect(maskBacktickSpans("Send `POST /todos` and ``a ` b`` now")).toBe(
      `Send ${codePlaceholder} and ${codePlaceholder} now`,
    );
  });

  it("masks exact code values, longest first", () => {
    expect(maskCodeValues("the fast lane and fast", ["fast lane", "lane"])).toBe(
      `the ${codePlaceholder} and fast`,
    );
  });

  it("masks JSON, paths, options and identifiers by their shape, and leaves words alone", () => {
    const masked = maskCodeLikeTokens(
      'Send POST /todos {"title": "Large box"} with --from and a_b, HAM-0001 or priceCents, fast.',
    );
    expect(masked).not.toMatch(/Large|\/todos|--from|a_b|HAM-0001|priceCents/);
    expect(masked).toContain("Send POST");
    expect(masked).toContain("fast.");
  });
});

describe("splitSentences", () => {
  it("cuts after a full stop before a capital, not after e.g. or inside a number", () => {
    expect(splitSentences("A todo has a title. It answers 2.5 e.g. Milk. Done!")).toEqual([
      "A todo has a title.",
      "It answers 2.5 e.g. Milk.",
      "Done!",
    ]);
  });

  it("cuts before a code span that starts a sentence", () => {
    expect(splitSentences(`One. ${codePlaceholder} sets it.`)).toEqual([
      "One.",
      `${codePlaceholder} sets it.`,
    ]);
  });
});

describe("words", () => {
  it("lists lower-case words without placeholders", () => {
    expect(wordsOf(`The ${codePlaceholder} User-friendly page`)).toEqual([
      "the",
      "user-friendly",
      "page",
    ]);
  });

  it("matches whole words and phrases only", () => {
    const pattern = wordPattern(["low", "as appropriate"], "i");
    expect(pattern.test("lower-case letters")).toBe(false);
    expect(pattern.test("a low-level call")).toBe(false);
    expect(pattern.test("low latency")).toBe(true);
    expect(pattern.test("handled as\nappropriate")).toBe(true);
  });
});

describe("patterns from text", () => {
  it("escapes every special character and lets a phrase wrap", () => {
    expect(new RegExp(escapeRegExp("a.b*(c)[d]$")).test("a.b*(c)[d]$")).toBe(true);
    expect(new RegExp(escapeRegExp("a.b")).test("axb")).toBe(false);
    expect(new RegExp(phrasePattern("and so on")).test("and so\n  on")).toBe(true);
  });
});
