import { describe, expect, it } from "vitest";
import { describeSteps, wrongStepReason } from "./step-shape.js";

describe("step shapes", () => {
  it("describe the steps of each kind", () => {
    expect(describeSteps("http")).toBe("a http suite's steps have request:, expect:, capture:");
    expect(describeSteps("cli")).toBe("a cli suite's steps have run:, expect:, capture:");
    expect(describeSteps("function")).toBe(
      "a function suite's steps have call:, expect:, capture:",
    );
  });

  it("accept a step with the kind's action key", () => {
    expect(wrongStepReason("http", { request: {} })).toBeUndefined();
  });

  it("recognise a step of another kind", () => {
    expect(wrongStepReason("http", { run: { args: [] } })).toBe(
      "this is a cli step (run:) in a http suite; a http suite's steps have request:, expect:, capture:",
    );
  });

  it("say what is missing otherwise", () => {
    expect(wrongStepReason("cli", { expect: [] })).toBe(
      "a cli step needs run:; a cli suite's steps have run:, expect:, capture:",
    );
    expect(wrongStepReason("function", "call add")).toMatch(/^a step is an object; /);
  });
});
