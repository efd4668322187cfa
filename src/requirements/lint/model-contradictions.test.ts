import { describe, expect, it } from "vitest";
import { parseSpec } from "../parse-spec.js";
import { modelContradictions } from "./model-contradictions.js";
import { readSpecText } from "./spec-text.js";

const model = [
  "```yaml model",
  "entities:",
  "  todo:",
  "    fields:",
  "      title: { type: string, required: true, maxLength: 200 }",
  "      notes: { type: string, maxLength: 2000 }",
  "      priority: { type: integer, min: 1, max: 5, default: 3 }",
  "      stock: { type: integer, min: 0 }",
  "      to: { type: string, maxLength: 9 }",
  "    actions:",
  "      restock: { input: { quantity: { type: integer, required: true, min: 1, max: 10000 } } }",
  "      reserve: { input: { quantity: { type: integer, required: true, min: 1, max: 1000 } } }",
  "```",
].join("\n");

async function findings(prose: string) {
  const markdown = `---\nname: todo\nkind: http-service\n---\n\n# Todo\n\n${prose}\n\n${model}\n`;
  const spec = await parseSpec(markdown, "todo.md");
  return modelContradictions(spec, readSpecText(spec, markdown));
}

describe("modelContradictions", () => {
  it("finds a field the text calls optional that the model requires, and the reverse", async () => {
    const result = await findings("A todo has an optional title. Notes are mandatory.");
    expect(result.map(({ rule, severity, line, text }) => [rule, severity, line, text])).toEqual([
      ["model-contradiction", "error", 8, "title"],
      ["model-contradiction", "error", 8, "notes"],
    ]);
    expect(result[0]?.message).toBe(
      "the text calls title optional; the model makes todo.title required",
    );
    expect(result[1]?.suggestion).toContain("`required: true` on todo.notes");
  });

  it("finds ranges and lengths that differ from the model", async () => {
    const result = await findings(
      "A priority from 1 (most urgent) to 9. A title over 100 characters is refused. Stock must never go below 5.",
    );
    expect(result.map((finding) => finding.message)).toEqual([
      expect.stringContaining("priority a max of 9"),
      expect.stringContaining("title a maxLength of 100"),
      expect.stringContaining("stock a min of 5"),
    ]);
  });

  it("says when the model has no bound the text gives", async () => {
    const [finding] = await findings("Stock must never go above 100,000 units.");
    expect(finding?.message).toContain("max of 100000");
    expect(finding?.message).toContain("has no max");
  });

  it("accepts text that agrees with the model, with any field of a shared name", async () => {
    const agreeing = [
      "A todo has a title, a priority from 1 (most urgent) to 5 and optional notes.",
      "A title over 200 characters is refused; notes over 2000 characters too.",
      "Stock must never go below zero.",
      "Restocking a quantity from 1 to 10000 and reserving a quantity from 1 to 1000 both work.",
    ].join(" ");
    expect(await findings(agreeing)).toEqual([]);
  });

  it("ignores field names that are common words and ranges that belong to another field", async () => {
    expect(await findings("A title is required to answer from 1 to 3 pages.")).toEqual([]);
    expect(await findings("A title, and a priority from 1 to 5.")).toEqual([]);
  });
});
