import { describe, expect, it } from "vitest";
import { hasObservableOutcome } from "./observable-outcome.js";
import { codePlaceholder } from "./text-units.js";

describe("hasObservableOutcome", () => {
  it("sees numbers, code, quoted values and verbs of answering", () => {
    for (const sentence of [
      "A missing title answers 400.",
      `Creating a todo gives ${codePlaceholder}.`,
      'The error says "not enough stock".',
      "An unknown id is not found.",
      "The command prints the result on stdout.",
      "A reservation of a discontinued product is refused.",
      "Titles are stored exactly as sent.",
    ]) {
      expect(hasObservableOutcome(sentence), sentence).toBe(true);
    }
  });

  it("sees nothing in statements a test cannot check", () => {
    for (const sentence of [
      "The service handles errors gracefully.",
      "Users are happy with the new checkout.",
      "The list is paged.",
      "Converting between units works correctly.",
    ]) {
      expect(hasObservableOutcome(sentence), sentence).toBe(false);
    }
  });
});
