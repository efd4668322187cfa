import { describe, expect, it } from "vitest";
import { unmeasurableQuantities } from "./unmeasurable-quantities.js";

const texts = (sentence: string) => unmeasurableQuantities(sentence).map((finding) => finding.text);

describe("unmeasurableQuantities", () => {
  it("finds a quantity given as an adjective with no number", () => {
    expect(texts("The service must handle large files under high load.")).toEqual([
      "large files",
      "high load",
    ]);
    expect(texts("Response times must be low.")).toEqual(["Response times must be low"]);
    expect(texts("Titles that are too long are refused with 400.")).toEqual(["too long"]);
    expect(texts("A lot of users export at night.")).toEqual(["A lot"]);
  });

  it("suggests the kind of number to give", () => {
    expect(unmeasurableQuantities("Latency must stay low.")[0]?.suggestion).toMatch(/ms/);
    expect(unmeasurableQuantities("It takes large files.")[0]?.suggestion).toMatch(/MiB/);
    expect(unmeasurableQuantities("Long names are cut.")[0]?.suggestion).toMatch(/characters/);
  });

  it("leaves measured quantities and adjectives about no quantity alone", () => {
    expect(texts("Large uploads are split into chunks of 5 MiB.")).toEqual([]);
    expect(texts("A small HTTP service for a small hardware shop.")).toEqual([]);
    expect(texts("A body larger than 64 KiB answers 413.")).toEqual([]);
    expect(texts("The field holds lower-case letters.")).toEqual([]);
  });
});
