import { describe, expect, it } from "vitest";
import { collapseWhitespace, parseMarkdown, plainText, startLine } from "./markdown-tree.js";

describe("parseMarkdown", () => {
  it("reads front matter as a yaml node with its position", () => {
    const tree = parseMarkdown("---\nname: x\n---\n\n# Title\n");
    const [frontMatter, heading] = tree.children;
    expect(frontMatter).toMatchObject({ type: "yaml", value: "name: x" });
    expect(frontMatter && startLine(frontMatter)).toBe(1);
    expect(heading && startLine(heading)).toBe(5);
  });

  it("reads `---` later in the file as a thematic break, not front matter", () => {
    const tree = parseMarkdown("# Title\n\n---\nname: x\n---\n");
    expect(tree.children.some((node) => node.type === "yaml")).toBe(false);
  });
});

describe("plainText", () => {
  it("drops markup and keeps inline code without its backticks", () => {
    const [paragraph] = parseMarkdown("**Bold** and _soft_ `code` [link](http://x).").children;
    expect(paragraph && plainText(paragraph)).toBe("Bold and soft code link.");
  });

  it("separates the blocks of a list item", () => {
    const [list] = parseMarkdown("- one\n\n  two\n  - three\n").children;
    expect(list && plainText(list)).toBe("one\ntwo\nthree");
  });
});

describe("collapseWhitespace", () => {
  it("turns runs of spaces and line breaks into one space and trims", () => {
    expect(collapseWhitespace("  a\n  b\t\tc  ")).toBe("a b c");
  });
});
