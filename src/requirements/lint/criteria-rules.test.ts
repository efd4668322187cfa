import { describe, expect, it } from "vitest";
import { parseSpec } from "../parse-spec.js";
import { criteriaFindings } from "./criteria-rules.js";
import { readSpecText } from "./spec-text.js";

async function findings(markdown: string) {
  const spec = await parseSpec(markdown, "spec.md");
  return criteriaFindings(spec, readSpecText(spec, markdown));
}

const front = "---\nname: todo\nkind: http-service\n---\n\n# Todo\n\nA list of todos.\n";

describe("criteriaFindings", () => {
  it("reports a spec without criteria as an error", async () => {
    expect(await findings(front)).toEqual([
      expect.objectContaining({ rule: "missing-criteria", severity: "error", line: 1, text: "" }),
    ]);
  });

  it("reports criteria with no observable outcome, at their line", async () => {
    const result = await findings(
      `${front}\n## Acceptance criteria\n\n- The list is paged.\n- Reading a todo answers 200.\n- Todos work well.\n`,
    );
    expect(result.map(({ rule, line, text }) => [rule, line, text])).toEqual([
      ["untestable-criterion", 12, "The list is paged."],
      ["untestable-criterion", 14, "Todos work well."],
    ]);
  });

  it("counts an inline example or a model example as an observable outcome", async () => {
    const markdown = [
      front,
      "## Acceptance criteria",
      "",
      "- Todos are listed: `GET /todos` → ok",
      "- AC2: Todos are kept.",
      "",
      "```yaml model",
      "entities:",
      "  todo:",
      "    fields:",
      "      title: { type: string, maxLength: 20 }",
      "examples:",
      "  - title: kept",
      "    criteria: [AC2]",
      "    steps:",
      "      - request: { method: GET, path: /todos }",
      "        expect: [{ status: 200 }]",
      "```",
    ].join("\n");
    expect(await findings(markdown)).toEqual([]);
  });

  it("shortens a long criterion in the finding", async () => {
    const long = `Todos ${"are kept safe and sound ".repeat(6)}forever.`;
    const [finding] = await findings(`${front}\n## Acceptance criteria\n\n- ${long}\n`);
    expect(finding?.text).toHaveLength(80);
    expect(finding?.text.endsWith("…")).toBe(true);
  });
});
