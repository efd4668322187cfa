import { describe, expect, it } from "vitest";
import { encodeFunctionValue } from "./function-value.js";

describe("encodeFunctionValue", () => {
  it("keeps __proto__ an own key rather than a prototype", () => {
    const [encoded] = encodeFunctionValue([JSON.parse('{"__proto__": {"polluted": true}}')]) as [
      object,
    ];
    expect(Object.keys(encoded)).toEqual(["__proto__"]);
    expect(JSON.stringify(encoded)).toBe('{"__proto__":{"polluted":true}}');
  });

  it("leaves plain JSON as it is", () => {
    const value = { name: "ada", tags: ["a", "b"], count: 3, active: true, parent: null };
    expect(encodeFunctionValue(value)).toEqual(value);
  });

  it("tags the values JSON cannot carry", () => {
    expect(encodeFunctionValue(undefined)).toEqual({ $undefined: true });
    expect(encodeFunctionValue(12n)).toEqual({ $bigint: "12" });
    expect(encodeFunctionValue([Number.NaN, Number.POSITIVE_INFINITY, -Infinity])).toEqual([
      { $number: "NaN" },
      { $number: "Infinity" },
      { $number: "-Infinity" },
    ]);
    expect(encodeFunctionValue(function namedThing() {})).toEqual({ $function: "namedThing" });
    expect(encodeFunctionValue(Symbol("marker"))).toEqual({ $symbol: "marker" });
    expect(encodeFunctionValue([1, undefined])).toEqual([1, { $undefined: true }]);
  });

  it("marks cycles but not shared references", () => {
    const shared = { value: 1 };
    const cyclic: { self?: unknown; shared: unknown; again: unknown } = { shared, again: shared };
    cyclic.self = cyclic;
    expect(encodeFunctionValue(cyclic)).toEqual({
      self: { $circular: true },
      shared: { value: 1 },
      again: { value: 1 },
    });
  });

  it("encodes maps, sets and errors structurally", () => {
    expect(encodeFunctionValue(new Map([["a", 1n]]))).toEqual({ $map: [["a", { $bigint: "1" }]] });
    expect(encodeFunctionValue(new Set([1, 2]))).toEqual({ $set: [1, 2] });
    expect(encodeFunctionValue(new RangeError("too big"))).toEqual({
      $error: { name: "RangeError", message: "too big" },
    });
  });

  it("is lossy where JSON is: undefined properties, toJSON, -0", () => {
    expect(encodeFunctionValue({ kept: 1, dropped: undefined })).toEqual({ kept: 1 });
    expect(encodeFunctionValue(new Date(0))).toBe("1970-01-01T00:00:00.000Z");
    expect(JSON.stringify(encodeFunctionValue(-0))).toBe("0");
  });
});
