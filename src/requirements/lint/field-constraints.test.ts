import { describe, expect, it } from "vitest";
import { parseSpec } from "../parse-spec.js";
import { unconstrainedFields } from "./field-constraints.js";
import { readSpecText } from "./spec-text.js";

async function findings(model: string, kind = "http-service") {
  const markdown = `---\nname: shop\nkind: ${kind}\n---\n\n# Shop\n\n\`\`\`yaml model\n${model}\n\`\`\`\n`;
  const spec = await parseSpec(markdown, "shop.md");
  return unconstrainedFields(spec, readSpecText(spec, markdown));
}

describe("unconstrainedFields", () => {
  it("reports strings with no maxLength, pattern or enum and numbers with no min or max, at their line", async () => {
    const result = await findings(
      [
        "entities:",
        "  order:",
        "    fields:",
        "      note: { type: string, minLength: 1 }",
        "      code: { type: string, pattern: '[A-Z]+' }",
        "      size: { type: string, enum: [s, m] }",
        "      weight: number",
        "      count: { type: integer, min: 0 }",
        "      total: { type: integer, readOnly: true }",
        "      paid: boolean",
      ].join("\n"),
    );
    expect(result.map(({ text, line, severity }) => [text, line, severity])).toEqual([
      ["note", 12, "warning"],
      ["weight", 15, "warning"],
    ]);
    expect(result[0]?.message).toContain("order.note is a string");
    expect(result[1]?.suggestion).toContain("min: 0, max: 1000");
  });

  it("reads cli options and arguments", async () => {
    const result = await findings(
      [
        "command: [node, tool.mjs]",
        "options:",
        "  name: string",
        "arguments:",
        "  - { name: value, type: number, required: true }",
      ].join("\n"),
      "cli",
    );
    expect(result.map((finding) => finding.message)).toEqual([
      expect.stringContaining("option --name is a string"),
      expect.stringContaining("argument value is a number"),
    ]);
  });
});
