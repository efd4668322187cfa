/**
 * Acceptance criteria from the list items of the spec's "Acceptance criteria" section: each keeps the id
 * it is written with (`AC1:`, `AC-7:`, `**AC3**:`, `**AC3:**`, `[AC3]`) or gets `AC<position>`, skipping
 * numbers written explicitly elsewhere in the list, so adding an id to one item renumbers no other.
 */
import type { ListItem, Nodes, Paragraph } from "mdast";
import type { InputProblem } from "../contracts/invalid-input.js";
import type { AcceptanceCriterion } from "../contracts/spec.js";
import { inlineExamples } from "./inline-examples.js";
import { collapseWhitespace, plainText, startLine } from "./markdown-tree.js";

const explicitId = /^(?:\[\s*(AC-?\d+)\s*\]|(AC-?\d+)\s*:)\s*/i;

interface ItemText {
  explicitId?: string;
  text: string;
  line: number;
  item: ListItem;
}

export function readCriteria(items: readonly ListItem[]): {
  criteria: AcceptanceCriterion[];
  problems: InputProblem[];
} {
  const texts = items.map(itemText);
  const explicitNumbers = new Set(texts.flatMap((entry) => idNumber(entry.explicitId)));
  const criteria: AcceptanceCriterion[] = [];
  let lastImplicit = 0;
  for (const [index, entry] of texts.entries()) {
    let id = entry.explicitId;
    if (id === undefined) {
      let number = Math.max(index + 1, lastImplicit + 1);
      while (explicitNumbers.has(number)) number += 1;
      lastImplicit = number;
      id = `AC${number}`;
    }
    const examples = paragraphsIn(entry.item).flatMap(inlineExamples);
    criteria.push({ id, text: entry.text, line: entry.line, examples });
  }
  return { criteria, problems: duplicateIds(criteria) };
}

function itemText(item: ListItem): ItemText {
  const whole = collapseWhitespace(plainText(item));
  const match = explicitId.exec(whole);
  const line = startLine(item);
  if (match === null) return { text: whole, line, item };
  const id = (match[1] ?? match[2] ?? "").toUpperCase();
  return { explicitId: id, text: whole.slice(match[0].length), line, item };
}

/** `AC7` and `AC-7` both take the number 7 away from the implicit ids. */
function idNumber(id: string | undefined): number[] {
  const digits = id === undefined ? undefined : /\d+$/.exec(id)?.[0];
  return digits === undefined ? [] : [Number(digits)];
}

function paragraphsIn(node: Nodes): Paragraph[] {
  if (node.type === "paragraph") return [node];
  if (!("children" in node)) return [];
  return node.children.flatMap((child) => paragraphsIn(child as Nodes));
}

function duplicateIds(criteria: readonly AcceptanceCriterion[]): InputProblem[] {
  const firstLines = new Map<string, number>();
  const problems: InputProblem[] = [];
  for (const [index, criterion] of criteria.entries()) {
    const firstLine = firstLines.get(criterion.id);
    if (firstLine === undefined) {
      firstLines.set(criterion.id, criterion.line);
      continue;
    }
    problems.push({
      line: criterion.line,
      field: `criteria[${index}].id`,
      message: `${criterion.id} is already the id of the criterion on line ${firstLine}; ids must be unique`,
    });
  }
  return problems;
}
