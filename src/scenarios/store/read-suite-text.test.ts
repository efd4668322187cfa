import { describe, expect, it } from "vitest";
import { InvalidSuiteError } from "../invalid-suite-error.js";
import { readSuiteText } from "./read-suite-text.js";

const valid = `suite:
  name: todo
  version: "1"
  target: http
scenarios:
  - id: list
    category: normal
    title: lists todos
    steps:
      - request: { method: get, path: /todos }
        expect: [{ status: 200 }]
`;

describe("readSuiteText", () => {
  it("reads and normalises a whole suite", () => {
    const suite = readSuiteText(valid, "todo.yaml");
    expect(suite.header.defaults.timeoutMs).toBe(10_000);
    const step = suite.scenarios[0]?.steps[0];
    expect(step && "request" in step ? step.request.method : undefined).toBe("GET");
  });

  it("reports a syntax error with its line", () => {
    expect(() => readSuiteText("suite: [", "broken.yaml")).toThrow(InvalidSuiteError);
  });

  it("reports problems with their line and field", () => {
    const broken = valid.replace("category: normal", "category: usual");
    expect(() => readSuiteText(broken, "todo.yaml")).toThrow(
      /todo\.yaml:7: field "scenarios\[0\]\.category"/,
    );
  });

  it("refuses predicate assertions, whose modules the store does not keep", () => {
    const withPredicate = valid.replace("[{ status: 200 }]", "[{ predicate: ./check.js }]");
    expect(() => readSuiteText(withPredicate, "todo.yaml")).toThrow(/predicate assertions/);
  });

  it("refuses a suite without scenarios", () => {
    const empty = `${valid.slice(0, valid.indexOf("scenarios:"))}scenarios: []\n`;
    expect(() => readSuiteText(empty, "todo.yaml")).toThrow(/at least one scenario/);
  });
});
