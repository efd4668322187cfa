import { describe, expect, it } from "vitest";
import { thrown } from "../../test/support/thrown.js";
import { InvalidInputError } from "./invalid-input.js";
import { parseJsonLines } from "./json-lines.js";
import { TrialResult } from "./trial-result.js";

const valid = '{"scenario":"normal/create-001","category":"normal","pass":true,"durationMs":12.5}';

function problemsOf(text: string): InvalidInputError {
  return thrown(() => parseJsonLines(text, TrialResult, "results.jsonl"), InvalidInputError);
}

describe("parseJsonLines with trial results", () => {
  it("reads one record per line and skips blank lines", () => {
    const text = `${valid}\n\n{"scenario":"edge/empty-002","category":"edge","pass":false,"durationMs":3,"error":"boom","attempt":2}\r\n`;
    expect(parseJsonLines(text, TrialResult, "results.jsonl")).toEqual([
      { scenario: "normal/create-001", category: "normal", pass: true, durationMs: 12.5 },
      {
        scenario: "edge/empty-002",
        category: "edge",
        pass: false,
        durationMs: 3,
        error: "boom",
        attempt: 2,
      },
    ]);
  });

  it("names the line and the field of a record that does not match", () => {
    const error = problemsOf(
      `${valid}\n${valid}\n{"scenario":"x","category":"smoke","pass":true,"durationMs":1}`,
    );
    expect(error.line).toBe(3);
    expect(error.field).toBe("category");
    expect(error.message).toMatch(/^results\.jsonl:3: field "category": /);
    expect(error.code).toBe("invalid-input");
  });

  it("reports a line that is not JSON", () => {
    const error = problemsOf(`${valid}\n{"scenario": oops}`);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ line: 2, field: "(the whole line)" });
    expect(error.message).toContain("not valid JSON");
  });

  it("collects every problem so a file is fixed in one pass", () => {
    const error = problemsOf(
      [
        '{"scenario":"a","category":"normal","pass":"yes","durationMs":1}',
        valid,
        '{"scenario":"","category":"edge","pass":true,"durationMs":-4,"attempt":0}',
      ].join("\n"),
    );
    expect(error.problems.map((problem) => `${problem.line}:${problem.field}`)).toEqual([
      "1:pass",
      "3:scenario",
      "3:durationMs",
      "3:attempt",
    ]);
  });

  it("rejects a missing required field by name", () => {
    const error = problemsOf('{"scenario":"a","category":"normal","durationMs":1}');
    expect(error.problems[0]).toMatchObject({ line: 1, field: "pass" });
  });
});
