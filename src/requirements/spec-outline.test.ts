import { describe, expect, it } from "vitest";
import { parseMarkdown } from "./markdown-tree.js";
import { outlineSpec } from "./spec-outline.js";

function outline(markdown: string) {
  return outlineSpec(parseMarkdown(markdown));
}

function itemTexts(markdown: string): string[] {
  return outline(markdown)
    .criterionItems.map((item) => item.position?.start.line ?? 0)
    .map(String);
}

describe("outlineSpec, the acceptance criteria", () => {
  it("takes the top-level items of the first matching section, up to a heading of its level", () => {
    const markdown = [
      "## Acceptance Criteria (v1)", // 1
      "",
      "- one", // 3
      "  - nested, part of one",
      "",
      "### Errors", // 6
      "",
      "1. two", // 8
      "",
      "## Other", // 10
      "",
      "- not a criterion", // 12
      "",
      "## Acceptance criteria again", // 14
      "",
      "- not either", // 16
    ].join("\n");
    expect(itemTexts(markdown)).toEqual(["3", "8"]);
    const prose = outline(markdown).prose.map(({ text, section }) => [text, section]);
    expect(prose).toEqual([
      ["not a criterion", "Other"],
      ["not either", "Acceptance criteria again"],
    ]);
  });

  it("has no criteria without the section", () => {
    expect(itemTexts("# Spec\n\n- a requirement\n")).toEqual([]);
  });
});

describe("outlineSpec, prose and title", () => {
  it("takes the first heading as the title, and paragraphs, list items and quotes as prose", () => {
    const result = outline(
      "Before.\n\n### Deep title\n\nText.\n\n> Quoted.\n\n```js\nconst code = 1;\n```\n",
    );
    expect(result.title).toBe("Deep title");
    expect(result.prose).toEqual([
      { text: "Before.", line: 1, section: "" },
      { text: "Text.", line: 5, section: "Deep title" },
      { text: "Quoted.", line: 7, section: "Deep title" },
    ]);
  });

  it("keeps paragraphs inside the criteria section out of the prose", () => {
    const result = outline("## Acceptance criteria\n\nIntro.\n\n- a\n\n# After\n\nText.\n");
    expect(result.prose.map((block) => block.text)).toEqual(["Text."]);
  });
});

describe("outlineSpec, the model block", () => {
  it("prefers a yaml model fence to a yaml fence under a model heading", () => {
    const result = outline(
      "## Model\n\n```yaml\na: 1\n```\n\n## Other\n\n```yaml model\nb: 2\n```\n",
    );
    expect(result.modelFence?.value).toBe("b: 2");
  });

  it("takes the first yaml fence under a heading that says model, at any depth below it", () => {
    const result = outline(
      "## Config\n\n```yaml\nx: 0\n```\n\n## Data model\n\n### Todo\n\n```json\n{}\n```\n\n```yaml\na: 1\n```\n",
    );
    expect(result.modelFence?.value).toBe("a: 1");
  });

  it("reports a second yaml model fence", () => {
    const result = outline("```yaml model\na: 1\n```\n\n```yaml model\nb: 2\n```\n");
    expect(result.modelFence?.value).toBe("a: 1");
    expect(result.problems).toEqual([
      {
        line: 5,
        field: "model",
        message: "a second ```yaml model block: a spec has one, and the first starts on line 1",
      },
    ]);
  });
});
