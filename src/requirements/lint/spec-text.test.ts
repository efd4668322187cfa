import { describe, expect, it } from "vitest";
import { parseSpec } from "../parse-spec.js";
import { readSpecText } from "./spec-text.js";
import { codePlaceholder } from "./text-units.js";

const markdown = [
  "---", // 1
  "name: shop",
  "kind: http-service",
  "---",
  "",
  "# Shop", // 6
  "",
  "The shop keeps products. It answers",
  "fast, and its title is `Large box` here.",
  "",
  "## Acceptance criteria", // 11
  "",
  '- Creating answers 201: `POST /products {"name": "Quick"}` → 201. It is done.',
  "",
  "## Model",
  "",
  "```yaml model", // 17
  "entities:",
  "  product:",
  "    fields:",
  "      name: { type: string, maxLength: 20 }", // 21
  "      size: { type: integer, min: 1 }",
  "```",
].join("\n");

describe("readSpecText", () => {
  it("cuts prose and criteria into sentences with their block's line and kind", async () => {
    const text = readSpecText(await parseSpec(markdown, "shop.md"), markdown);
    expect(text.sentences.map(({ line, kind }) => [line, kind])).toEqual([
      [8, "prose"],
      [8, "prose"],
      [13, "criterion"],
      [13, "criterion"],
    ]);
    expect(text.sentences[2]?.criterion).toBe("AC1");
  });

  it("masks exactly the code spans of the Markdown", async () => {
    const text = readSpecText(await parseSpec(markdown, "shop.md"), markdown);
    expect(text.sentences[1]?.text).toBe(
      `It answers fast, and its title is ${codePlaceholder} here.`,
    );
    expect(text.criteria.get("AC1")).not.toContain("Quick");
  });

  it("masks code by its shape without the Markdown, where it cannot know plain words were code", async () => {
    const text = readSpecText(await parseSpec(markdown, "shop.md"));
    expect(text.criteria.get("AC1")).not.toContain("Quick");
    expect(text.sentences[1]?.text).toContain("Large box");
  });

  it("finds the exact line of words in a paragraph, and of a key in the model", async () => {
    const withMarkdown = readSpecText(await parseSpec(markdown, "shop.md"), markdown);
    expect(withMarkdown.lineOf("fast", 8)).toBe(9);
    expect(withMarkdown.lineOf("nowhere", 8)).toBe(8);
    expect(withMarkdown.modelLineOf(["product", "fields", "size"])).toBe(22);
    expect(withMarkdown.modelLineOf(["product", "fields", "colour"])).toBe(20);
    const withoutMarkdown = readSpecText(await parseSpec(markdown, "shop.md"));
    expect(withoutMarkdown.lineOf("fast", 8)).toBe(8);
    expect(withoutMarkdown.modelLineOf(["product", "fields", "size"])).toBe(17);
  });
});
