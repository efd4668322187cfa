import { describe, expect, it } from "vitest";
import type { Observation } from "../contracts/observation.js";
import { lookUpViewPath, observationView, parseViewPath, viewNames } from "./observation-view.js";

const http: Observation = {
  kind: "http",
  request: { method: "POST", url: "http://localhost/todos", headers: {}, bodyText: "{}" },
  status: 201,
  headers: { location: "/todos/7", "content-type": "application/json" },
  bodyText: '{"id":7}',
  body: { id: 7 },
  durationMs: 12,
};

describe("observationView", () => {
  it("shows an http response under header and headers alike", () => {
    const view = observationView(http);
    expect(Object.keys(view)).toEqual(viewNames.http);
    expect(view.header).toBe(view.headers);
    expect(view.status).toBe(201);
    expect(view.body).toEqual({ id: 7 });
  });

  it("shows a command's exit and output", () => {
    const view = observationView({
      kind: "cli",
      argv: ["node", "cli.js"],
      stdin: "",
      exitCode: 0,
      signal: null,
      stdout: "ok\n",
      stderr: "",
      durationMs: 30,
    });
    expect(Object.keys(view)).toEqual(viewNames.cli);
    expect(view.stdout).toBe("ok\n");
  });

  it("shows a function's return value or what it threw", () => {
    const view = observationView({
      kind: "function",
      export: "add",
      args: [1],
      threw: { name: "RangeError", message: "too big" },
      durationMs: 1,
    });
    expect(Object.keys(view)).toEqual(viewNames.function);
    expect(view.threw).toEqual({ name: "RangeError", message: "too big" });
  });
});

describe("view paths", () => {
  it("read header names case-insensitively", () => {
    expect(parseViewPath("header.Location")).toEqual(["header", "location"]);
    expect(parseViewPath('headers["Content-Type"]')).toEqual(["headers", "content-type"]);
    expect(lookUpViewPath(observationView(http), "header.Location")).toEqual({
      found: true,
      value: "/todos/7",
    });
  });

  it("keep the case of other keys", () => {
    expect(parseViewPath("body.Title")).toEqual(["body", "Title"]);
  });
});
