import { describe, expect, it } from "vitest";
import { rawBodies } from "./raw-bodies.js";

const malformed = rawBodies.filter((body) => body.family === "malformed-json");
const wrongTypes = rawBodies.filter((body) => body.family === "wrong-content-type");

function parsesAsObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value);
  } catch {
    return false;
  }
}

describe("rawBodies", () => {
  it("holds malformed JSON that a strict parser refuses or that is not one plain object", () => {
    expect(malformed.length).toBeGreaterThanOrEqual(15);
    // Duplicate keys parse, keeping the last value, and deep nesting parses in V8 but overflows
    // recursive validators: a service must decide, not crash.
    const parsed = malformed.filter((body) => parsesAsObject(body.body)).map((body) => body.note);
    expect(parsed).toEqual(["objects nested 10 000 levels deep", "a duplicate key"]);
    for (const body of malformed) expect(body.contentType).toBe("application/json");
  });

  it("nests arrays 10 000 levels deep", () => {
    const deep = malformed.find((body) => body.body.startsWith("[[[["));
    expect(deep?.body).toBe(`${"[".repeat(10_000)}${"]".repeat(10_000)}`);
  });

  it("starts one body with a byte order mark", () => {
    expect(malformed.some((body) => body.body.startsWith("\ufeff{"))).toBe(true);
  });

  it("sends JSON-looking text under content types that are not JSON", () => {
    const types = wrongTypes.map((body) => body.contentType);
    expect(types).toEqual(
      expect.arrayContaining([
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "application/xml",
      ]),
    );
    for (const body of wrongTypes) expect(parsesAsObject(body.body)).toBe(true);
    expect(types.some((type) => type.includes("boundary"))).toBe(false);
  });

  it("never holds the same body twice", () => {
    const keys = rawBodies.map((body) => `${body.contentType}\n${body.body}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
