import { describe, expect, it } from "vitest";
import { thrown } from "../../test/support/thrown.js";
import { InvalidArgumentError } from "../contracts/errors.js";
import {
  requireClosedUnitInterval,
  requireInteger,
  requireOneOf,
  requireOpenUnitInterval,
} from "./arguments.js";

describe("argument checks", () => {
  it("say which field is wrong, what is allowed and what was received", () => {
    const error = thrown(() => requireOpenUnitInterval(1.2, "confidence"), InvalidArgumentError);
    expect(error.message).toBe("confidence must be strictly between 0 and 1, got 1.2");
    expect(error.field).toBe("confidence");
    expect(error.code).toBe("invalid-argument");
  });

  it("reject fractions, NaN and out-of-range whole numbers", () => {
    expect(thrown(() => requireInteger(2.5, "trials", 1), InvalidArgumentError).message).toBe(
      "trials must be a whole number, got 2.5",
    );
    expect(thrown(() => requireInteger(Number.NaN, "trials", 1), InvalidArgumentError).field).toBe(
      "trials",
    );
    expect(thrown(() => requireInteger(0, "trials", 1), InvalidArgumentError).message).toBe(
      "trials must be at least 1, got 0",
    );
    expect(thrown(() => requireInteger(11, "successes", 0, 10), InvalidArgumentError).message).toBe(
      "successes must be at most 10, got 11",
    );
    expect(() => requireInteger(10, "successes", 0, 10)).not.toThrow();
  });

  it("tell an open interval from a closed one", () => {
    expect(() => requireOpenUnitInterval(0, "passRate")).toThrow(InvalidArgumentError);
    expect(() => requireOpenUnitInterval(Number.NaN, "passRate")).toThrow(InvalidArgumentError);
    expect(() => requireClosedUnitInterval(0, "quantile")).not.toThrow();
    expect(() => requireClosedUnitInterval(1, "quantile")).not.toThrow();
    expect(() => requireClosedUnitInterval(1.0001, "quantile")).toThrow(InvalidArgumentError);
  });

  it("list the allowed names of an enumeration", () => {
    expect(
      thrown(
        () => requireOneOf("wald" as "wilson", ["wilson", "jeffreys"], "method"),
        InvalidArgumentError,
      ).message,
    ).toBe("method must be one of wilson, jeffreys, got wald");
  });
});
