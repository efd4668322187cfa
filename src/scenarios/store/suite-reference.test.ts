import { describe, expect, it } from "vitest";
import { thrown } from "../../../test/support/thrown.js";
import { ShopfloorError } from "../../contracts/errors.js";
import { checkSuiteName, parseSuiteReference } from "./suite-reference.js";

describe("parseSuiteReference", () => {
  it("reads a name alone and a name with a version prefix", () => {
    expect(parseSuiteReference("todo")).toEqual({ name: "todo" });
    expect(parseSuiteReference("todo-api@3f2a")).toEqual({
      name: "todo-api",
      versionPrefix: "3f2a",
    });
  });

  it.each(["todo@3f2", "todo@", "todo@XYZW", "todo@3f2a@1"])(
    "refuses the version of %s",
    (text) => {
      expect(thrown(() => parseSuiteReference(text), ShopfloorError)).toMatchObject({
        code: "invalid-argument",
      });
    },
  );

  it.each(["Todo", "1todo", "../etc", "", "to do", "todo/x"])("refuses the name %j", (name) => {
    expect(thrown(() => checkSuiteName(name), ShopfloorError)).toMatchObject({
      code: "invalid-argument",
    });
  });
});
