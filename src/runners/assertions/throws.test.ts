import { describe, expect, it } from "vitest";
import { functionObservation } from "../../../test/support/test-observations.js";
import { checkThrows } from "./throws.js";

const rangeError = functionObservation({
  threw: { name: "RangeError", message: "cannot divide by zero" },
});

describe("checkThrows", () => {
  it("passes a call that threw what was expected", () => {
    expect(checkThrows(true, rangeError)).toBeUndefined();
    expect(checkThrows({ name: "RangeError" }, rangeError)).toBeUndefined();
    expect(checkThrows({ message: "^cannot divide" }, rangeError)).toBeUndefined();
  });

  it("fails a call that returned, showing what it returned", () => {
    expect(checkThrows(true, functionObservation({ returned: { result: null } }))).toBe(
      'expected the call to throw, but it returned {"result":null}',
    );
  });

  it("names the error it threw instead", () => {
    expect(checkThrows({ name: "ValidationError" }, rangeError)).toBe(
      'expected the call to throw ValidationError, it threw RangeError: "cannot divide by zero"',
    );
    expect(checkThrows({ message: "must be positive" }, rangeError)).toBe(
      'expected the error message to match /must be positive/, got "cannot divide by zero"',
    );
  });
});
