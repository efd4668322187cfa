import { describe, expect, it } from "vitest";
import { pollutionMarker, structuredPayloads } from "./structured-payloads.js";

const pollution = structuredPayloads.filter((payload) => payload.family === "prototype-pollution");
const operators = structuredPayloads.filter((payload) => payload.family === "nosql-operator");

function ownKeysDeep(value: unknown): string[] {
  if (value === null || typeof value !== "object") return [];
  return Object.keys(value).flatMap((key) => [
    key,
    ...ownKeysDeep((value as Record<string, unknown>)[key]),
  ]);
}

describe("structuredPayloads", () => {
  it("holds prototype-pollution payloads whose special keys are own keys", () => {
    expect(pollution.length).toBeGreaterThanOrEqual(6);
    for (const payload of pollution) {
      const keys = ownKeysDeep(payload.value);
      expect(keys.includes("__proto__") || keys.includes("constructor")).toBe(true);
    }
    const topLevel = pollution.filter((payload) => Object.hasOwn(payload.value, "__proto__"));
    expect(topLevel.length).toBeGreaterThanOrEqual(4);
    for (const payload of topLevel)
      expect(Object.getPrototypeOf(payload.value)).toBe(Object.prototype);
  });

  it("keeps the own __proto__ key through JSON.stringify and JSON.parse", () => {
    for (const payload of pollution) {
      const text = JSON.stringify(payload.value);
      const again = JSON.parse(text) as Record<string, unknown>;
      expect(ownKeysDeep(again)).toEqual(ownKeysDeep(payload.value));
      expect(JSON.stringify(again)).toBe(text);
    }
    expect(JSON.stringify(pollution[0]?.value)).toBe(`{"__proto__":{"${pollutionMarker}":true}}`);
  });

  it("leaves Object.prototype untouched", () => {
    expect(pollutionMarker in {}).toBe(false);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("holds the NoSQL operators", () => {
    const keys = operators.flatMap((payload) => Object.keys(payload.value));
    expect(keys).toEqual(expect.arrayContaining(["$gt", "$ne", "$where", "$regex"]));
    expect(operators.find((payload) => "$ne" in payload.value)?.value).toEqual({ $ne: null });
    expect(operators.find((payload) => "$gt" in payload.value)?.value).toEqual({ $gt: "" });
  });

  it("never holds the same value twice", () => {
    const texts = structuredPayloads.map((payload) => JSON.stringify(payload.value));
    expect(new Set(texts).size).toBe(texts.length);
  });
});
