import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/call-route.js";
import { fieldError } from "./form-error.js";

describe("fieldError", () => {
  const error = new ApiRequestError(
    400,
    "invalid-request",
    "split.testing: too small",
    "split.testing",
  );

  it("gives the server's message to the field it named, and to that field's parent", () => {
    expect(fieldError(error, "split.testing")).toBe("split.testing: too small");
    expect(fieldError(error, "split")).toBe("split.testing: too small");
  });

  it("gives nothing to other fields, or when the error names none", () => {
    expect(fieldError(error, "splitter")).toBeUndefined();
    expect(fieldError(error, "reason")).toBeUndefined();
    expect(fieldError(new ApiRequestError(500, "internal", "broke"), "reason")).toBeUndefined();
    expect(fieldError(new Error("network"), "reason")).toBeUndefined();
  });
});
