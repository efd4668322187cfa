import { describe, expect, it } from "vitest";
import { cliObservation, httpObservation } from "../../../test/support/test-observations.js";
import { checkExpression } from "./expression.js";

describe("checkExpression", () => {
  const response = httpObservation({ status: 200, body: { items: [{ id: 1 }], next: null } });

  it("passes a true expression", () => {
    expect(checkExpression("status == 200 and body.items.length > 0", response)).toBeUndefined();
    expect(checkExpression('stdout ~= "^ok"', cliObservation({ stdout: "ok\n" }))).toBeUndefined();
  });

  it("shows the names it read when false", () => {
    expect(checkExpression("status == 201 or body.items.length > 3", response)).toBe(
      'expression "status == 201 or body.items.length > 3" was false (status = 200, body.items.length = 1)',
    );
  });

  it("reports expressions that do not compile or cannot be evaluated", () => {
    expect(checkExpression("status ==", response)).toMatch(
      /^invalid expression "status ==": Parse error/,
    );
    expect(checkExpression("exitCode == 0", response)).toBe(
      'expression "exitCode == 0" could not be evaluated: unknown name "exitCode": not one of status, headers, header, body, bodyText, durationMs, nor a key of the body (items, next)',
    );
  });
});
