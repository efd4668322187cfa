import { describe, expect, it } from "vitest";
import { vagueWords } from "./vague-words.js";

const texts = (sentence: string) => vagueWords(sentence).map((finding) => finding.text);

describe("vagueWords", () => {
  it("finds vague words and phrases, as written, with a suggestion", () => {
    expect(texts("The API must be fast, user-friendly and robust, etc.")).toEqual([
      "fast",
      "user-friendly",
      "robust",
      "etc.",
    ]);
    const [finding] = vagueWords("Errors are handled as appropriate.");
    expect(finding).toMatchObject({
      rule: "vague-word",
      severity: "warning",
      text: "as appropriate",
    });
    expect(finding?.suggestion).toMatch(/name the cases/);
    expect(vagueWords("Search must be fast.")[0]?.suggestion).toContain(
      "ms at the 95th percentile",
    );
  });

  it("leaves a speed alone when a number measures it", () => {
    expect(texts("Search must be fast: within 200 ms at the 95th percentile.")).toEqual([]);
  });

  it("reads 'some' and 'many' as quantities only", () => {
    expect(texts("Some users wait.")).toEqual(["Some"]);
    expect(texts("Many retries are made.")).toEqual(["Many"]);
    expect(texts("Updating a todo with some of its fields answers 200.")).toEqual([]);
    expect(texts("It sets how many decimals are printed.")).toEqual([]);
    expect(texts("A product with at least that many units answers 200.")).toEqual([]);
  });

  it("matches whole words only", () => {
    expect(texts("The breakfast order is simplest to read in a fastidious way.")).toEqual([]);
  });
});
