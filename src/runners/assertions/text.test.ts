import { describe, expect, it } from "vitest";
import { checkContains, checkMatches, checkNotContains } from "./text.js";

const body = { name: "the body", text: '{"id":7,"title":"milk"}' };

describe("text assertions", () => {
  it("match regular expressions", () => {
    expect(checkMatches('"id":\\d+', body)).toBeUndefined();
    expect(checkMatches("^\\[", body)).toBe(
      'expected the body to match /^\\[/; the body: "{\\"id\\":7,\\"title\\":\\"milk\\"}"',
    );
    expect(checkMatches("(", body)).toMatch(/^invalid regular expression/);
  });

  it("find text", () => {
    expect(checkContains("milk", body)).toBeUndefined();
    expect(checkContains("bread", { name: "stdout", text: "hello\n" })).toBe(
      'expected stdout to contain "bread"; stdout: "hello\\n"',
    );
  });

  it("show where unwanted text was found", () => {
    expect(checkNotContains("bread", body)).toBeUndefined();
    const page = {
      name: "the body",
      text: `${"a".repeat(100)}<script>alert(1)</script>${"b".repeat(100)}`,
    };
    expect(checkNotContains("<script>", page)).toBe(
      `expected the body not to contain "<script>"; found at character 100: "…${"a".repeat(30)}<script>alert(1)</script>${"b".repeat(13)}"`,
    );
  });

  it("keep messages short for huge texts", () => {
    expect(
      checkContains("x", { name: "stdout", text: "y".repeat(1_000_000) })?.length,
    ).toBeLessThan(150);
  });
});
