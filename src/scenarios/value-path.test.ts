import { describe, expect, it } from "vitest";
import {
  describeMissing,
  formatPath,
  InvalidPathError,
  lookUpPath,
  parsePath,
  readPath,
} from "./value-path.js";

const response = {
  status: 200,
  headers: { "content-type": "application/json", "x-id": "7" },
  body: { items: [{ id: 1, title: "milk" }, { id: 2 }], total: 2 },
};

describe("parsePath", () => {
  it("reads names, indexes and quoted keys", () => {
    expect(parsePath("body.items[0].id")).toEqual(["body", "items", 0, "id"]);
    expect(parsePath('headers["x-id"]')).toEqual(["headers", "x-id"]);
    expect(parsePath("headers['it\\'s']")).toEqual(["headers", "it's"]);
    expect(parsePath("headers.content-type")).toEqual(["headers", "content-type"]);
    expect(parsePath("items.0")).toEqual(["items", "0"]);
  });

  it("rejects malformed paths with the place of the fault", () => {
    expect(() => parsePath("")).toThrow(InvalidPathError);
    expect(() => parsePath("body..id")).toThrow(/at "\.id"/);
    expect(() => parsePath("body.")).toThrow(/at the end/);
    expect(() => parsePath("body[0")).toThrow(InvalidPathError);
    expect(() => parsePath("body id")).toThrow(/unexpected " "/);
  });

  it("refuses keys that reach into prototypes", () => {
    expect(() => parsePath("body.__proto__")).toThrow(/"__proto__" cannot be read/);
    expect(() => parsePath("body.constructor.name")).toThrow(InvalidPathError);
    expect(() => parsePath('body["prototype"]')).toThrow(InvalidPathError);
  });
});

describe("readPath", () => {
  it("follows objects and arrays", () => {
    expect(readPath(response, "body.items[1].id")).toBe(2);
    expect(readPath(response, "body.items.0.title")).toBe("milk");
    expect(readPath(response, 'headers["content-type"]')).toBe("application/json");
  });

  it("reads the length of arrays and strings", () => {
    expect(readPath(response, "body.items.length")).toBe(2);
    expect(readPath({ stdout: "hello" }, "stdout.length")).toBe(5);
  });

  it("gives undefined for anything missing", () => {
    expect(readPath(response, "body.items[5].id")).toBeUndefined();
    expect(readPath(response, "body.total.value")).toBeUndefined();
    expect(readPath(null, "a")).toBeUndefined();
  });

  it("never follows the prototype chain or runs getters", () => {
    expect(readPath({ body: {} }, "body.toString")).toBeUndefined();
    expect(readPath({ body: [] }, "body.map")).toBeUndefined();
    const polluted = JSON.parse('{"__proto__": {"admin": true}}') as unknown;
    expect(readPath(polluted, "admin")).toBeUndefined();
    let ran = false;
    const withGetter = {
      get secret() {
        ran = true;
        return 1;
      },
    };
    expect(readPath(withGetter, "secret")).toBeUndefined();
    expect(ran).toBe(false);
  });
});

describe("describeMissing", () => {
  function missing(root: unknown, path: string): string {
    const lookup = lookUpPath(root, path);
    if (lookup.found) throw new Error(`${path} was found`);
    return describeMissing(lookup);
  }

  it("says how far the path got and what was there", () => {
    expect(missing(response, "body.idd")).toBe('"body" has no "idd" (its keys: items, total)');
    expect(missing(response, "body.items[3]")).toBe('"body.items" has no [3] (its length is 2)');
    expect(missing(response, "body.total.x")).toBe('"body.total" is number, so it has no "x"');
    expect(missing(response, "created")).toBe(
      'the top level has no "created" (its keys: status, headers, body)',
    );
  });
});

describe("formatPath", () => {
  it("quotes keys that are not plain names", () => {
    expect(formatPath(["headers", "x id", 0])).toBe('headers["x id"][0]');
  });
});
