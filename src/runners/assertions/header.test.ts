import { describe, expect, it } from "vitest";
import { httpObservation } from "../../../test/support/test-observations.js";
import { checkHeader } from "./header.js";

const response = httpObservation({
  headers: { "content-type": "application/json; charset=utf-8", location: "/todos/7" },
});

describe("checkHeader", () => {
  it("finds headers whatever the case of the name", () => {
    expect(
      checkHeader({ name: "Content-Type", contains: "application/json" }, response),
    ).toBeUndefined();
    expect(checkHeader({ name: "LOCATION", equals: "/todos/7" }, response)).toBeUndefined();
    expect(checkHeader({ name: "location", matches: "^/todos/\\d+$" }, response)).toBeUndefined();
    expect(checkHeader({ name: "location" }, response)).toBeUndefined();
    expect(checkHeader({ name: "x-powered-by", present: false }, response)).toBeUndefined();
  });

  it("says what the header held when a check fails", () => {
    expect(checkHeader({ name: "Content-Type", equals: "text/html" }, response)).toBe(
      'expected header "content-type" to equal "text/html", got "application/json; charset=utf-8"',
    );
    expect(checkHeader({ name: "location", matches: "^/items/" }, response)).toBe(
      'expected header "location" to match /^/items//, got "/todos/7"',
    );
    expect(checkHeader({ name: "location", present: false }, response)).toBe(
      'expected no header "location", got "/todos/7"',
    );
  });

  it("lists the headers there are when one is missing", () => {
    expect(checkHeader({ name: "ETag", present: true }, response)).toBe(
      'expected header "etag", but the response has none (its headers: content-type, location)',
    );
  });

  it("reports a pattern that does not compile as a failure", () => {
    expect(checkHeader({ name: "location", matches: "(" }, response)).toMatch(
      /^header "location": invalid regular expression/,
    );
  });

  it("never reads inherited properties as headers", () => {
    expect(checkHeader({ name: "constructor" }, httpObservation({ headers: {} }))).toMatch(
      /has none/,
    );
  });
});
