import { describe, expect, it } from "vitest";
import { matchesOf, numberNear } from "./sentence-finding.js";

describe("matchesOf", () => {
  it("finds every match, even with a pattern that is not global, and filters them", () => {
    const found = matchesOf(/fast/i, "fast, Fast and fast", (match) => match.index > 0);
    expect(found.map((match) => match.index)).toEqual([6, 15]);
  });
});

describe("numberNear", () => {
  it("sees a measure within a few words", () => {
    const sentence = "The service handles large files up to 10 MB.";
    expect(numberNear(sentence, sentence.indexOf("large"), 5)).toBe(true);
  });

  it("does not take a status or an exit code for a measure", () => {
    const refused = "Titles that are too long are refused with 400.";
    expect(numberNear(refused, refused.indexOf("too long"), 8)).toBe(false);
    const exits = "A short timeout exits 2.";
    expect(numberNear(exits, exits.indexOf("short"), 5)).toBe(false);
  });

  it("does not look beyond its window", () => {
    const sentence = "Large files are kept in the archive of the shop for 30 days.";
    expect(numberNear(sentence, 0, 5, 3)).toBe(false);
  });
});
