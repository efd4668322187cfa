import { describe, expect, it } from "vitest";
import { parseWorkerMessage, requestLine } from "./worker-protocol.js";

describe("requestLine", () => {
  it("is one JSON line with the arguments in tagged form", () => {
    const line = requestLine({
      id: 7,
      module: "/code/math.mjs",
      export: "add",
      args: [1n, undefined],
    });
    expect(line.endsWith("\n")).toBe(true);
    expect(line.trimEnd().includes("\n")).toBe(false);
    expect(JSON.parse(line)).toEqual({
      id: 7,
      module: "/code/math.mjs",
      export: "add",
      args: [{ $bigint: "1" }, { $undefined: true }],
    });
  });
});

describe("parseWorkerMessage", () => {
  it("reads the ready line", () => {
    expect(parseWorkerMessage('{"ready":true}')).toEqual({ kind: "ready" });
  });

  it("reads a returned value, even a falsy one", () => {
    expect(parseWorkerMessage('{"id":1,"returned":null,"durationMs":0.5}')).toEqual({
      kind: "response",
      id: 1,
      outcome: { returned: null },
      durationMs: 0.5,
    });
  });

  it("reads a thrown error, with or without a stack", () => {
    const line = JSON.stringify({
      id: 2,
      threw: { name: "RangeError", message: "zero" },
      durationMs: 1,
    });
    expect(parseWorkerMessage(line)).toEqual({
      kind: "response",
      id: 2,
      outcome: { threw: { name: "RangeError", message: "zero" } },
      durationMs: 1,
    });
  });

  it("refuses lines that are not well-formed responses", () => {
    for (const line of [
      "hello",
      "[1]",
      '{"id":"1","returned":1,"durationMs":1}',
      '{"id":1,"durationMs":1}',
    ]) {
      expect(parseWorkerMessage(line).kind).toBe("unreadable");
    }
    expect(parseWorkerMessage('{"id":1,"threw":{"name":1},"durationMs":1}').kind).toBe(
      "unreadable",
    );
  });
});
