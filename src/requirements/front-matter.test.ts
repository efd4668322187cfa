import type { Yaml } from "mdast";
import { describe, expect, it } from "vitest";
import { readFrontMatter } from "./front-matter.js";
import { parseMarkdown } from "./markdown-tree.js";

function frontMatterNode(markdown: string): Yaml | undefined {
  const [first] = parseMarkdown(markdown).children;
  return first?.type === "yaml" ? first : undefined;
}

describe("readFrontMatter", () => {
  it("validates the keys, keeping only the scenario counts the spec writes", () => {
    const reading = readFrontMatter(
      frontMatterNode("---\nname: todo\nkind: cli\nscenarios: { edge: 5 }\n---\n"),
    );
    expect(reading.problems).toEqual([]);
    expect(reading.frontMatter).toEqual({
      name: "todo",
      kind: "cli",
      scenarios: { edge: 5 },
    });
    expect(reading.place.lineOf(["scenarios", "edge"])).toBe(4);
  });

  it("reports a missing front matter on line 1", () => {
    const reading = readFrontMatter(undefined);
    expect(reading.frontMatter).toBeUndefined();
    expect(reading.problems).toMatchObject([{ line: 1, field: "frontMatter" }]);
  });

  it("names each unknown key on its own line", () => {
    const reading = readFrontMatter(
      frontMatterNode("---\nname: todo\nkind: cli\ntitle: x\nprofiles: y\n---\n"),
    );
    expect(reading.problems).toEqual([
      { line: 4, field: "frontMatter.title", message: 'unknown key "title"' },
      { line: 5, field: "frontMatter.profiles", message: 'unknown key "profiles"' },
    ]);
  });

  it("refuses front matter that is not a mapping", () => {
    const reading = readFrontMatter(frontMatterNode("---\n- a\n---\n"));
    expect(reading.problems).toEqual([
      { line: 2, field: "frontMatter", message: expect.stringContaining("expected object") },
    ]);
  });
});
