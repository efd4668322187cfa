import { describe, expect, it } from "vitest";
import type { HttpObservation } from "../contracts/observation.js";
import { captureValues } from "./capture.js";

function response(body: unknown, bodyText = JSON.stringify(body)): HttpObservation {
  return {
    kind: "http",
    request: { method: "POST", url: "http://localhost/todos", headers: {}, bodyText: "" },
    status: 201,
    headers: { location: "/todos/7" },
    bodyText,
    body,
    durationMs: 5,
  };
}

describe("captureValues", () => {
  it("reads values from the body and headers for later steps", () => {
    const result = captureValues(
      { created: "body", id: "body.id", location: "header.Location" },
      response({ id: 7, title: "milk" }),
    );
    expect(result).toEqual({
      values: { created: { id: 7, title: "milk" }, id: 7, location: "/todos/7" },
      failures: [],
    });
  });

  it("keeps a number a number", () => {
    expect(captureValues({ id: "body.id" }, response({ id: 7 })).values.id).toBe(7);
  });

  it("says what was there when a path finds nothing", () => {
    const result = captureValues({ id: "body.id", count: "body.total" }, response({ error: "x" }));
    expect(result.values).toEqual({});
    expect(result.failures).toEqual([
      'capture "id" (body.id): "body" has no "id" (its keys: error)',
      'capture "count" (body.total): "body" has no "total" (its keys: error)',
    ]);
  });

  it("says when the body is not JSON at all", () => {
    const result = captureValues({ id: "body.id" }, response(undefined, "<h1>Created</h1>"));
    expect(result.failures[0]).toBe(
      'capture "id" (body.id): "body" is undefined, so it has no "id"; the response body is not JSON: "<h1>Created</h1>"',
    );
  });

  it("captures from command output and return values", () => {
    const cli = captureValues(
      { output: "stdout" },
      {
        kind: "cli",
        argv: [],
        stdin: "",
        exitCode: 0,
        signal: null,
        stdout: "42\n",
        stderr: "",
        durationMs: 1,
      },
    );
    expect(cli.values).toEqual({ output: "42\n" });
    const call = captureValues(
      { total: "returned.total" },
      { kind: "function", export: "sum", args: [], returned: { total: 3 }, durationMs: 1 },
    );
    expect(call.values).toEqual({ total: 3 });
  });

  it("reports a malformed path as a failure rather than throwing", () => {
    expect(captureValues({ id: "body..id" }, response({})).failures[0]).toMatch(
      /^capture "id" \(body\.\.id\): path "body\.\.id"/,
    );
  });
});
