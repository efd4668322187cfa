import { describe, expect, it } from "vitest";
import { differencePath, firstDifference } from "./first-difference.js";

describe("firstDifference", () => {
  it("finds no difference between equal values, whatever the key order", () => {
    expect(
      firstDifference({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }, "equal"),
    ).toBeUndefined();
  });

  it("finds the first differing path", () => {
    expect(
      firstDifference({ items: [{ done: false }] }, { items: [{ done: true }] }, "equal"),
    ).toEqual({
      kind: "value",
      path: ["items", 0, "done"],
      expected: false,
      actual: true,
    });
  });

  it("tells missing, unexpected keys and lengths apart", () => {
    expect(firstDifference({ a: 1, b: 2 }, { a: 1 }, "equal")).toMatchObject({
      kind: "missing-key",
      key: "b",
    });
    expect(firstDifference({ a: 1 }, { a: 1, z: 0 }, "equal")).toMatchObject({
      kind: "unexpected-key",
      key: "z",
    });
    expect(firstDifference([1, 2], [1, 2, 3], "equal")).toEqual({
      kind: "length",
      path: [],
      expected: 2,
      actual: 3,
    });
  });

  it("does not mistake an array for an object or null for an object", () => {
    expect(firstDifference({}, [], "equal")).toMatchObject({ kind: "value" });
    expect(firstDifference({ a: null }, { a: {} }, "subset")).toMatchObject({
      kind: "value",
      path: ["a"],
    });
    expect(firstDifference(1, "1", "equal")).toMatchObject({ kind: "value" });
  });

  it("in subset mode, allows other keys but not other lengths", () => {
    const actual = { id: 7, title: "milk", tags: [{ name: "food", color: "red" }] };
    expect(
      firstDifference({ title: "milk", tags: [{ name: "food" }] }, actual, "subset"),
    ).toBeUndefined();
    expect(firstDifference({ tags: [] }, actual, "subset")).toMatchObject({
      kind: "length",
      path: ["tags"],
    });
  });

  it("does not read inherited keys as present", () => {
    expect(firstDifference({ toString: 1 }, {}, "subset")).toMatchObject({
      kind: "missing-key",
      key: "toString",
    });
  });
});

describe("differencePath", () => {
  it("starts with the name of the value checked", () => {
    expect(differencePath("body", ["items", 0, "id"])).toBe("body.items[0].id");
    expect(differencePath("returned", [])).toBe("returned");
  });
});
