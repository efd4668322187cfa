/** The specs and models in docs/specs.md must read without problems: the reference never drifts. */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSpec } from "./parse-spec.js";

async function documentation(): Promise<string> {
  return readFile(resolve("docs/specs.md"), "utf8");
}

/** A spec of the kind around a documented model, with criteria AC1…AC5 for its examples to cite. */
function specAround(kind: string, model: string): string {
  const criteria = [1, 2, 3, 4, 5].map((number) => `- criterion ${number}`).join("\n");
  return `---\nname: documented\nkind: ${kind}\n---\n\n## Acceptance criteria\n\n${criteria}\n\n\`\`\`yaml model\n${model}\`\`\`\n`;
}

function kindOf(model: string): string {
  if (model.startsWith("entities:")) return "http-service";
  if (model.startsWith("command:")) return "cli";
  return "library";
}

describe("docs/specs.md", () => {
  it("opens with a spec that reads as it says", async () => {
    const text = /````text\n([\s\S]*?)````/.exec(await documentation())?.[1] ?? "";
    const spec = await parseSpec(text, "docs/specs.md");
    expect(spec.criteria.map((criterion) => criterion.id)).toEqual(["AC1", "AC-7", "AC3"]);
    expect(spec.model?.kind).toBe("http-service");
  });

  it("shows a complete model of each kind, each without problems", async () => {
    const models = [...(await documentation()).matchAll(/```yaml model\n([\s\S]*?)```/g)]
      .map((match) => match[1] ?? "")
      .filter((model) => !model.startsWith("entities:\n  todo:"));
    expect(models.map(kindOf)).toEqual(["http-service", "cli", "library"]);
    for (const model of models) {
      const spec = await parseSpec(specAround(kindOf(model), model), "docs/specs.md");
      expect(spec.model?.kind).toBe(kindOf(model));
    }
  });
});
