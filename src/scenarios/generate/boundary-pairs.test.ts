import { describe, expect, it } from "vitest";
import { FieldDefinition } from "../../contracts/spec.js";
import { boundaryPairs, pairedLabels } from "./boundary-pairs.js";
import { isValidValue } from "./is-valid-value.js";

const field = (definition: unknown) => FieldDefinition.parse(definition);
const sides = (definition: unknown) =>
  boundaryPairs(field(definition)).map((pair) => [
    pair.bound,
    pair.refused.value,
    pair.accepted.value,
  ]);

describe("boundaryPairs", () => {
  it("pairs each numeric bound with the value just past it, upper bound first", () => {
    expect(sides({ type: "integer", min: 1, max: 5 })).toEqual([
      ["max", 6, 5],
      ["min", 0, 1],
    ]);
    const [maximum] = boundaryPairs(field({ type: "number", max: 0.5 }));
    expect(maximum?.refused.value).toBeGreaterThan(0.5);
    expect(maximum?.refused.value).toBeLessThan(0.5000001);
  });

  it("pairs text lengths in code points; with minLength 1 the short side is empty", () => {
    expect(sides({ type: "string", minLength: 1, maxLength: 3 })).toEqual([
      ["max-length", "xxxx", "xxx"],
      ["min-length", "", "x"],
    ]);
    expect(sides({ type: "string", minLength: 3 })).toEqual([["min-length", "xx", "xxx"]]);
    expect(sides({ type: "string" })).toEqual([]);
  });

  it("pairs a pattern, an enum, a calendar date and an email with a near miss", () => {
    const [pattern] = boundaryPairs(field({ type: "string", pattern: "^[A-Z]{3}-[0-9]{4}$" }));
    expect(pattern?.bound).toBe("pattern");
    expect(pattern?.accepted.value).toMatch(/^[A-Z]{3}-[0-9]{4}$/);
    expect(pattern?.refused.value).not.toMatch(/^[A-Z]{3}-[0-9]{4}$/);
    expect(sides({ type: "string", enum: ["low", "high"] })).toEqual([
      ["enum", "not-a-listed-value", "low"],
    ]);
    expect(sides({ type: "integer", enum: [1, 2, 3] })).toEqual([["enum", 4, 1]]);
    expect(sides({ type: "date" })).toEqual([["calendar", "2023-02-29", "2024-02-29"]]);
    expect(sides({ type: "email" })).toEqual([
      ["email", "first.last@example", "a@mail.example.co.uk"],
    ]);
    expect(sides({ type: "boolean" })).toEqual([]);
  });

  it("always refuses one side and accepts the other, as the validator decides", () => {
    const definitions = [
      { type: "integer", min: -3, max: 3 },
      { type: "number", min: 0.5, max: 6000 },
      { type: "string", minLength: 2, maxLength: 12, pattern: "[A-Z]{2}[0-9]{3}" },
      { type: "email", maxLength: 40 },
      { type: "string", enum: ["meat", "plants"] },
    ];
    for (const definition of definitions) {
      for (const pair of boundaryPairs(field(definition))) {
        expect(isValidValue(field(definition), pair.refused.value), pair.bound).toBe(false);
        expect(isValidValue(field(definition), pair.accepted.value), pair.bound).toBe(true);
      }
    }
  });
});

describe("pairedLabels", () => {
  it("names the cases the pairs send", () => {
    expect([...pairedLabels(field({ type: "integer", min: 1, max: 5 }))].sort()).toEqual([
      "above-max",
      "below-min",
      "max",
      "min",
    ]);
  });
});
