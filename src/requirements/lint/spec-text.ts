/**
 * A spec's prose and criteria as the lint reads them: code masked out, cut into sentences, each with its
 * line. The `Spec` keeps a block's text without its backticks, so the Markdown, when given, says which
 * words were code; without it, code is recognised by its shape. The Markdown also gives a finding the
 * exact line of its words inside a paragraph that spans several lines.
 */
import type { InlineCode, Nodes } from "mdast";
import type { Spec } from "../../contracts/spec.js";
import { parseMarkdown, startLine } from "../markdown-tree.js";
import { escapeRegExp, maskCodeLikeTokens, maskCodeValues, splitSentences } from "./text-units.js";

export interface LintSentence {
  text: string;
  /** The line where its block starts. */
  line: number;
  kind: "prose" | "criterion";
  /** The criterion's id, for sentences of a criterion. */
  criterion?: string;
}

export interface SpecText {
  sentences: LintSentence[];
  /** Each criterion's text, masked of code, by id. */
  criteria: Map<string, string>;
  /** The exact line of `words` in the block that starts at `line` (the block's line without Markdown). */
  lineOf(words: string, line: number): number;
  /**
   * The line of a key in the model block, found after the keys before it (`["todo", "title"]`); the
   * block's line without Markdown.
   */
  modelLineOf(path: readonly string[]): number;
}

export function readSpecText(spec: Spec, markdown?: string): SpecText {
  const codes = markdown === undefined ? new Map<number, string[]>() : inlineCodeByLine(markdown);
  const blocks = [
    ...spec.prose.map((block) => ({ ...block, kind: "prose" as const, criterion: undefined })),
    ...spec.criteria.map((criterion) => ({
      text: criterion.text,
      line: criterion.line,
      kind: "criterion" as const,
      criterion: criterion.id,
    })),
  ].sort((left, right) => left.line - right.line);
  const starts = blocks.map((block) => block.line);
  const sentences: LintSentence[] = [];
  const criteria = new Map<string, string>();
  blocks.forEach((block, index) => {
    const end = starts[index + 1] ?? Number.POSITIVE_INFINITY;
    const values = [...codes.entries()]
      .filter(([line]) => line >= block.line && line < end)
      .flatMap(([, lineValues]) => lineValues);
    const masked = maskCodeLikeTokens(maskCodeValues(block.text, values));
    if (block.criterion !== undefined) criteria.set(block.criterion, masked);
    for (const sentence of splitSentences(masked)) {
      sentences.push({
        text: sentence,
        line: block.line,
        kind: block.kind,
        ...(block.criterion === undefined ? {} : { criterion: block.criterion }),
      });
    }
  });
  const lines = markdown?.split(/\r?\n/) ?? [];
  const modelLine = spec.modelLine ?? 1;
  return {
    sentences,
    criteria,
    lineOf: (words, line) => exactLine(lines, starts, words, line),
    modelLineOf: (path) => keyLine(lines, modelLine, path),
  };
}

function inlineCodeByLine(markdown: string): Map<number, string[]> {
  const byLine = new Map<number, string[]>();
  const visit = (node: Nodes) => {
    if (node.type === "inlineCode") {
      const line = startLine(node);
      byLine.set(line, [...(byLine.get(line) ?? []), (node as InlineCode).value]);
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(parseMarkdown(markdown));
  return byLine;
}

/** The first line of the block, from its start, that holds the words' first word. */
function exactLine(
  lines: readonly string[],
  starts: readonly number[],
  words: string,
  line: number,
): number {
  const first = words.trim().split(/\s+/)[0]?.toLowerCase();
  if (lines.length === 0 || first === undefined || first === "") return line;
  const next = starts.find((start) => start > line) ?? lines.length + 1;
  const pattern = new RegExp(`(?<![\\w-])${escapeRegExp(first)}`, "i");
  for (let candidate = line; candidate < next && candidate <= lines.length; candidate += 1) {
    if (pattern.test(lines[candidate - 1] ?? "")) return candidate;
  }
  return line;
}

/** Each key of the path in turn, from the model's fence to its end: `key:` or `name: key`. */
function keyLine(lines: readonly string[], modelLine: number, path: readonly string[]): number {
  let found = modelLine;
  for (const key of path) {
    const escaped = escapeRegExp(key);
    const pattern = new RegExp(`(?:^|[\\s{,-])(?:${escaped}\\s*:|name:\\s*${escaped}\\b)`);
    let line = found + 1;
    while (line <= lines.length && !/^\s*(```|~~~)/.test(lines[line - 1] ?? "")) {
      if (pattern.test(lines[line - 1] ?? "")) break;
      line += 1;
    }
    if (line > lines.length || /^\s*(```|~~~)/.test(lines[line - 1] ?? "")) return found;
    found = line;
  }
  return found;
}
