import { describe, expect, it } from "vitest";
import { httpObservation } from "../../../test/support/test-observations.js";
import { checkStatus } from "./status.js";

describe("checkStatus", () => {
  it("passes an exact status, one of a list, or one of a class", () => {
    const created = httpObservation({ status: 201 });
    expect(checkStatus(201, created)).toBeUndefined();
    expect(checkStatus([200, 201], created)).toBeUndefined();
    expect(checkStatus("2xx", created)).toBeUndefined();
  });

  it("says what was expected and what came, with the start of the body", () => {
    expect(checkStatus(201, httpObservation({ status: 500, bodyText: "" }))).toBe(
      "expected status 201, got 500",
    );
    expect(
      checkStatus([200, 204], httpObservation({ status: 500, bodyText: '{"error":"db down"}' })),
    ).toBe('expected status 200 or 204, got 500; body: "{\\"error\\":\\"db down\\"}"');
    expect(checkStatus("4xx", httpObservation({ status: 200, bodyText: "" }))).toBe(
      "expected status in 4xx, got 200",
    );
  });

  it("keeps the message short when the body is huge", () => {
    const message = checkStatus(
      200,
      httpObservation({ status: 500, bodyText: "x".repeat(100_000) }),
    );
    expect(message?.length).toBeLessThan(120);
  });
});
