/** The complete suites in docs/scenarios.md must load: the format reference never drifts from the loader. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compileViewExpression } from "./expression.js";
import { loadSuite } from "./load-suite.js";
import { findPlaceholders } from "./template.js";

async function yamlBlocks(): Promise<string[]> {
  const text = await readFile(resolve("docs/scenarios.md"), "utf8");
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
}

async function documentedSuites(): Promise<string[]> {
  return (await yamlBlocks()).filter(
    (block) => block.startsWith("suite:") && block.includes("\nscenarios:"),
  );
}

describe("docs/scenarios.md", () => {
  it("shows complete suites of all three kinds", async () => {
    const targets = (await documentedSuites()).map(
      (block) => /\n {2}target: (\w+)/.exec(block)?.[1],
    );
    expect(targets).toEqual(expect.arrayContaining(["http", "cli", "function"]));
  });

  it("shows only suites that load", async () => {
    const directory = await mkdtemp(join(tmpdir(), "shopfloor-docs-"));
    try {
      for (const [index, block] of (await documentedSuites()).entries()) {
        const file = join(directory, `example-${index}.yaml`);
        await writeFile(file, block);
        const suite = await loadSuite(file);
        expect(suite.scenarios.length).toBeGreaterThan(0);
      }
    } finally {
      await rm(directory, { recursive: true });
    }
  });

  it("shows only expressions that compile", async () => {
    const expressions = (await yamlBlocks())
      .flatMap((block) => {
        const value: unknown = parse(block);
        return Array.isArray(value) ? value : [];
      })
      .flatMap((item: unknown) =>
        typeof item === "object" && item !== null && "expression" in item ? [item.expression] : [],
      )
      .filter(
        (text): text is string => typeof text === "string" && findPlaceholders(text).length === 0,
      );
    expect(expressions.length).toBeGreaterThan(5);
    for (const text of expressions) expect(compileViewExpression(text)).toMatchObject({ ok: true });
  });
});
