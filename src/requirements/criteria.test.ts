import type { List } from "mdast";
import { describe, expect, it } from "vitest";
import { readCriteria } from "./criteria.js";
import { parseMarkdown } from "./markdown-tree.js";

function criteriaOf(markdown: string) {
  const list = parseMarkdown(markdown).children[0] as List;
  return readCriteria(list.children);
}

describe("readCriteria", () => {
  it("keeps every explicit id form, upper-cased, without the prefix in the text", () => {
    const { criteria } = criteriaOf(
      [
        "- AC1: plain",
        "- AC-7: with a dash",
        "- **AC3**: bold id",
        "- **AC4:** bold id and colon",
        "- [AC5] bracketed",
        "- ac6: lower case",
      ].join("\n"),
    );
    expect(criteria.map(({ id, text }) => [id, text])).toEqual([
      ["AC1", "plain"],
      ["AC-7", "with a dash"],
      ["AC3", "bold id"],
      ["AC4", "bold id and colon"],
      ["AC5", "bracketed"],
      ["AC6", "lower case"],
    ]);
  });

  it("numbers the others by position, skipping numbers used explicitly (AC-n included)", () => {
    const { criteria } = criteriaOf(
      ["1. first", "2. AC3: third", "3. later", "4. AC-4: dashed", "5. fifth"].join("\n"),
    );
    // Position 3 is AC3, written explicitly, and AC4 is taken by AC-4: the item becomes AC5.
    expect(criteria.map((criterion) => criterion.id)).toEqual(["AC1", "AC3", "AC5", "AC-4", "AC6"]);
  });

  it("keeps the other ids when an explicit id is added to one item", () => {
    const before = criteriaOf("- a\n- b\n- c").criteria.map((criterion) => criterion.id);
    const after = criteriaOf("- a\n- AC9: b\n- c").criteria.map((criterion) => criterion.id);
    expect(before).toEqual(["AC1", "AC2", "AC3"]);
    expect(after).toEqual(["AC1", "AC9", "AC3"]);
  });

  it("never gives two implicit criteria the same number", () => {
    const { criteria } = criteriaOf(["- AC1: one", "- two", "- AC2: three", "- four"].join("\n"));
    expect(criteria.map((criterion) => criterion.id)).toEqual(["AC1", "AC3", "AC2", "AC4"]);
  });

  it("does not take an id from the middle of the text", () => {
    const { criteria } = criteriaOf("- Unlike AC1: this is not an id");
    expect(criteria[0]).toMatchObject({ id: "AC1", text: "Unlike AC1: this is not an id" });
  });

  it("reports a duplicate id on the second criterion's line", () => {
    const { problems } = criteriaOf("- AC2: one\n- other\n- [ac2] again");
    expect(problems).toEqual([
      {
        line: 3,
        field: "criteria[2].id",
        message: "AC2 is already the id of the criterion on line 1; ids must be unique",
      },
    ]);
  });

  it("reads the whole item, nested lists and their examples included", () => {
    const { criteria } = criteriaOf("- Lists:\n  - `GET /a` → 200\n  - sorted");
    expect(criteria[0]).toEqual({
      id: "AC1",
      text: "Lists: GET /a → 200 sorted",
      line: 1,
      examples: [{ input: "GET /a", expected: "200", line: 2 }],
    });
  });
});
