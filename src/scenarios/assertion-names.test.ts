import { describe, expect, it } from "vitest";
import { targetKinds } from "../contracts/scenario.js";
import { assertionName, assertionNames, assertionNamesByKind } from "./assertion-names.js";

describe("assertion names", () => {
  it("lists every assertion of the contract", () => {
    expect(assertionNames).toContain("status");
    expect(assertionNames).toContain("predicate");
    expect(new Set(assertionNames).size).toBe(assertionNames.length);
  });

  it("gives every assertion to at least one kind of step, and only known names", () => {
    const applicable = new Set(targetKinds.flatMap((kind) => assertionNamesByKind[kind]));
    expect([...applicable].sort()).toEqual([...assertionNames].sort());
  });

  it("names the key of an assertion", () => {
    expect(assertionName({ status: 201 })).toBe("status");
    expect(assertionName({ stdoutContains: "ok" })).toBe("stdoutContains");
  });
});
