import { describe, expect, it } from "vitest";
import { ShopfloorError } from "../../contracts/errors.js";
import { closeIds, editDistance, escapeLike, lookupError, matchPrefix } from "./id-lookup.js";

const ids = ["todo-api-3f9c2a", "todo-api-3f1b00", "shop-cart-a1b2c3"];

describe("matchPrefix", () => {
  it("takes the exact id, else the only id the text starts", () => {
    expect(matchPrefix("todo-api-3f9c2a", ids)).toEqual({ kind: "one", id: "todo-api-3f9c2a" });
    expect(matchPrefix("todo-api-3f9", ids)).toEqual({ kind: "one", id: "todo-api-3f9c2a" });
    expect(matchPrefix("shop", ids)).toEqual({ kind: "one", id: "shop-cart-a1b2c3" });
  });

  it("says when a prefix names several ids, sorted, or none", () => {
    expect(matchPrefix("todo-api-3f", ids)).toEqual({
      kind: "many",
      ids: ["todo-api-3f1b00", "todo-api-3f9c2a"],
    });
    expect(matchPrefix("cart", ids)).toEqual({ kind: "none" });
  });

  it("prefers an exact id that is also the prefix of a longer one", () => {
    expect(matchPrefix("todo", ["todo", "todo-2"])).toEqual({ kind: "one", id: "todo" });
  });
});

describe("closeIds", () => {
  it("names the ids a typo or two away, nearest first, whole or by their start", () => {
    expect(closeIds("todo-api-3f9c2b", ids)).toEqual(["todo-api-3f9c2a"]);
    expect(closeIds("tood-api", ids)).toEqual(["todo-api-3f1b00", "todo-api-3f9c2a"]);
    expect(closeIds("payments", ids)).toEqual([]);
  });

  it("names at most the limit", () => {
    expect(closeIds("tood-api", ids, 1)).toEqual(["todo-api-3f1b00"]);
  });
});

describe("lookupError", () => {
  it("is a not-found error naming close ids when nothing matched", () => {
    const error = lookupError("work item", "tood-api", { kind: "none" }, ids);
    expect(error).toBeInstanceOf(ShopfloorError);
    expect(error.code).toBe("not-found");
    expect(error.message).toBe(
      'no work item has an id starting with "tood-api"; did you mean todo-api-3f1b00, todo-api-3f9c2a?',
    );
    expect(lookupError("work item", "x", { kind: "none" }, []).message).toBe(
      'no work item has an id starting with "x"',
    );
  });

  it("is an invalid-argument error naming the matches when the prefix is ambiguous", () => {
    const error = lookupError("exception", "3f", { kind: "many", ids: ["3f00", "3f11"] }, []);
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toContain("3f00, 3f11");
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
    expect(editDistance("ab", "ba")).toBe(2);
  });
});

describe("escapeLike", () => {
  it("escapes the LIKE wildcards and the escape character", () => {
    expect(escapeLike("a_b%c\\d")).toBe("a\\_b\\%c\\\\d");
    expect(escapeLike("todo-api.1")).toBe("todo-api.1");
  });
});
