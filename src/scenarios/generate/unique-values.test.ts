import { describe, expect, it } from "vitest";
import { FieldDefinition } from "../../contracts/spec.js";
import { renderTemplate } from "../template.js";
import { canCarryToken, holdsToken, tokenStandIn, toTemplate, withToken } from "./unique-values.js";

const field = (definition: unknown) => FieldDefinition.parse(definition);
const variables = { trial: { token: "abcde12345" } };

describe("toTemplate", () => {
  it("escapes braces and turns the stand-in into the trial's token", () => {
    const value = { title: `{{7*7}} ${tokenStandIn}`, tags: ["{{x}}"], count: 3 };
    const template = toTemplate(value);
    expect(renderTemplate(template, variables)).toEqual({
      title: "{{7*7}} abcde12345",
      tags: ["{{x}}"],
      count: 3,
    });
  });
});

describe("withToken", () => {
  const title = field({ type: "string", maxLength: 20 });

  it("appends the token, cutting the text to make room", () => {
    expect(withToken(title, "Buy milk", "append")).toBe(`Buy milk ${tokenStandIn}`);
    expect(withToken(title, "A rather long title here", "append")).toBe(`A rather ${tokenStandIn}`);
    expect(withToken(title, "Buy milk", "append", 2)).toBe(`Buy milk ${tokenStandIn}2`);
  });

  it("keeps the length of a boundary value", () => {
    const longest = "x".repeat(20);
    const unique = withToken(title, longest, "keep-length");
    expect([...String(unique)]).toHaveLength(20);
    expect(holdsToken(unique)).toBe(true);
    expect(withToken(title, "short", "keep-length")).toBeUndefined();
  });

  it("makes emails unique by their local part", () => {
    expect(withToken(field("email"), "a@b.co", "append", 1)).toBe(`u1${tokenStandIn}@example.com`);
  });

  it("refuses fields whose values cannot carry a token", () => {
    expect(canCarryToken(field({ type: "string", pattern: "^[A-Z]+$" }))).toBe(false);
    expect(canCarryToken(field({ type: "string", maxLength: 15 }))).toBe(false);
    expect(canCarryToken(field({ type: "string", enum: ["a"] }))).toBe(false);
    expect(canCarryToken(field("integer"))).toBe(false);
    expect(withToken(field("integer"), 3, "append")).toBeUndefined();
  });
});
