/**
 * Worked examples written inside an acceptance criterion: an inline code span, an arrow (`→` or `->`),
 * then another code span or plain text up to the end of the sentence:
 * `` `POST /todos {"title": "Milk"}` → 201 `` or `` `tempconv --to f 100` → `212` ``.
 */

import type { Nodes, Paragraph } from "mdast";
import type { CriterionExample } from "../contracts/spec.js";
import { collapseWhitespace, startLine } from "./markdown-tree.js";

type Segment = { kind: "code"; value: string; line: number } | { kind: "text"; value: string };

const arrow = /^\s*(?:→|->)\s*/;
/** A sentence ends at `.`, `!`, `?` or `;` followed by a space or the end (so `3.5` stays whole). */
const sentenceEnd = /[.!?;](?=\s|$)/;
/** What joins two examples in one sentence: `` `a` → 1, `b` → 2 `` or `` `a` → 1 and `b` → 2 ``. */
const trailingJoin = /(?:\s*[,:]|\s+(?:and|or))+\s*$/;

export function inlineExamples(paragraph: Paragraph): CriterionExample[] {
  const segments = flatten(paragraph);
  const examples: CriterionExample[] = [];
  for (const [index, segment] of segments.entries()) {
    if (segment.kind !== "code" || !startsWithArrow(segments[index + 1])) continue;
    const expected = expectedAfter(segments, index + 1);
    if (expected !== "") examples.push({ input: segment.value, expected, line: segment.line });
  }
  return examples;
}

function startsWithArrow(segment: Segment | undefined): boolean {
  return segment?.kind === "text" && arrow.test(segment.value);
}

/** What follows the arrow in `segments[arrowIndex]`: the next code span, or text to the sentence's end. */
function expectedAfter(segments: readonly Segment[], arrowIndex: number): string {
  const afterArrow = (segments[arrowIndex]?.value ?? "").replace(arrow, "");
  const next = segments[arrowIndex + 1];
  if (afterArrow.trim() === "" && next?.kind === "code") return next.value;
  let text = afterArrow;
  for (let index = arrowIndex + 1; index < segments.length; index += 1) {
    if (sentenceEnd.test(text)) break;
    const segment = segments[index] as Segment;
    // The next example starts here: this one ends before its code span.
    if (segment.kind === "code" && startsWithArrow(segments[index + 1])) break;
    text += segment.value;
  }
  const sentence = text.split(sentenceEnd)[0] ?? "";
  return collapseWhitespace(sentence).replace(trailingJoin, "");
}

function flatten(node: Nodes): Segment[] {
  if (node.type === "inlineCode")
    return [{ kind: "code", value: node.value, line: startLine(node) }];
  if (node.type === "text") return [{ kind: "text", value: node.value }];
  if (node.type === "break") return [{ kind: "text", value: "\n" }];
  if (!("children" in node)) return [];
  const segments: Segment[] = [];
  for (const child of node.children) {
    for (const segment of flatten(child as Nodes)) {
      const last = segments.at(-1);
      // Neighbouring texts (`201 ` + emphasis + `.`) read as one, so the arrow test sees them whole.
      if (segment.kind === "text" && last?.kind === "text") last.value += segment.value;
      else segments.push(segment);
    }
  }
  return segments;
}
