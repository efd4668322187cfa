import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../contracts/invalid-input.js";
import { InvalidSuiteError } from "./invalid-suite-error.js";

describe("InvalidSuiteError", () => {
  const error = new InvalidSuiteError("suites/todo", [
    {
      file: "suites/todo/crud.yaml",
      line: 14,
      field: "scenarios[2].steps[0].request.method",
      message: "bad",
    },
    { file: "suites/todo/suite.yaml", field: "(file)", message: "empty" },
  ]);

  it("is an invalid-input error located at its first problem", () => {
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.code).toBe("invalid-input");
    expect([error.path, error.line, error.field]).toEqual([
      "suites/todo/crud.yaml",
      14,
      "scenarios[2].steps[0].request.method",
    ]);
  });

  it("names the file of every problem", () => {
    expect(error.message).toBe(
      [
        'suites/todo/crud.yaml:14: field "scenarios[2].steps[0].request.method": bad',
        'suites/todo/suite.yaml: field "(file)": empty',
      ].join("\n"),
    );
    expect(error.problems[1]?.file).toBe("suites/todo/suite.yaml");
  });

  it("shows the first twenty problems and counts the rest", () => {
    const many = Array.from({ length: 25 }, (_, index) => ({
      file: "a.yaml",
      line: index + 1,
      field: "x",
      message: "bad",
    }));
    const lines = new InvalidSuiteError("a.yaml", many).message.split("\n");
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toBe("…and 5 more problems");
  });
});
