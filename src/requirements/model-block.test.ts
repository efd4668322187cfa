import type { Code } from "mdast";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "./markdown-tree.js";
import { readModelBlock } from "./model-block.js";

/** A fence starting on line 3 of its file. */
function fence(yaml: string): Code {
  const node = parseMarkdown(`# Spec\n\n\`\`\`yaml model\n${yaml}\n\`\`\`\n`).children[1];
  if (node?.type !== "code") throw new Error("expected a code block");
  return node;
}

describe("readModelBlock", () => {
  it("validates the block against the schema of the spec's kind", () => {
    const reading = readModelBlock(fence("module: ./index.mjs\nfunctions:\n  add: {}"), "library");
    expect(reading.problems).toEqual([]);
    expect(reading.line).toBe(3);
    expect(reading.model).toEqual({
      kind: "library",
      model: {
        module: "./index.mjs",
        functions: { add: { parameters: [], throws: "Error" } },
        examples: [],
      },
    });
  });

  it("puts schema problems on the line of the Markdown file", () => {
    const reading = readModelBlock(fence("command: []\nargument: x"), "cli");
    expect(reading.model).toBeUndefined();
    expect(reading.lenient?.kind).toBe("cli");
    expect(reading.problems).toEqual([
      { line: 4, field: "model.command", message: "Too small: expected array to have >=1 items" },
      { line: 5, field: "model.argument", message: 'unknown key "argument"' },
    ]);
  });

  it("tells a model of another kind's shape", () => {
    const reading = readModelBlock(fence("module: ./x.mjs\nfunctions: {}"), "http-service");
    expect(reading.problems).toEqual([
      {
        line: 3,
        field: "model",
        message:
          "this model is shaped for a library spec (it has module, functions), but the spec's kind is http-service",
      },
    ]);
  });

  it("refuses a block that is not a mapping", () => {
    expect(readModelBlock(fence("- a\n- b"), "cli").problems).toEqual([
      { line: 3, field: "model", message: "a model is a YAML mapping (key: value)" },
    ]);
  });

  it("checks nothing without a kind, the front matter's problem says why", () => {
    const reading = readModelBlock(fence("anything: 1"), undefined);
    expect(reading.problems).toEqual([]);
    expect(reading.model).toBeUndefined();
    expect(reading.written).toEqual({ anything: 1 });
  });
});
