/**
 * The parts of a spec's Markdown, found in one walk: the front matter, the title (first heading), the prose
 * (paragraphs and list items, with their section), the list items of the acceptance-criteria section and
 * the fenced YAML block that holds the model.
 */
import type { Code, Heading, ListItem, Nodes, Root, Yaml } from "mdast";
import type { InputProblem } from "../contracts/invalid-input.js";
import type { ProseBlock } from "../contracts/spec.js";
import { collapseWhitespace, plainText, startLine } from "./markdown-tree.js";

export interface SpecOutline {
  frontMatter?: Yaml;
  /** The text of the first heading. */
  title?: string;
  prose: ProseBlock[];
  /** The top-level list items of the acceptance-criteria section, in order. */
  criterionItems: ListItem[];
  /** The model's fence: the first `yaml model` one, else the first `yaml` one under a "model" heading. */
  modelFence?: Code;
  problems: InputProblem[];
}

/** prose: outside the criteria; criteria: a top-level list there; criterion: inside one of its items. */
type Mode = "prose" | "criteria" | "criterion";

const criteriaHeading = /acceptance criteria/i;
const modelHeading = /model/i;

export function outlineSpec(tree: Root): SpecOutline {
  const outline: SpecOutline = { prose: [], criterionItems: [], problems: [] };
  const headings: Heading[] = [];
  let criteriaDepth: number | undefined;
  let criteriaSeen = false;
  const markedFences: Code[] = [];
  let headingFence: Code | undefined;

  const visit = (node: Nodes, mode: Mode) => {
    if (node.type === "code") {
      if (node.lang !== "yaml") return;
      const section = headings.map((heading) => plainText(heading)).join(" ");
      if (isMarkedModel(node)) markedFences.push(node);
      else if (headingFence === undefined && modelHeading.test(section)) headingFence = node;
      return;
    }
    if (node.type === "list") {
      for (const item of node.children) {
        if (mode === "criteria") outline.criterionItems.push(item);
        if (mode === "prose") addListItemProse(item, headings.at(-1), outline.prose);
        const inner = mode === "prose" ? "prose" : "criterion";
        // The item's own paragraphs are its text, taken above; nested blocks are visited.
        for (const child of item.children) if (child.type !== "paragraph") visit(child, inner);
      }
      return;
    }
    if (node.type === "paragraph" && mode === "prose") {
      addProse(outline.prose, plainText(node), startLine(node), headings.at(-1));
      return;
    }
    if (node.type === "blockquote") for (const child of node.children) visit(child, mode);
  };

  for (const node of tree.children) {
    if (node.type === "yaml") {
      outline.frontMatter ??= node;
      continue;
    }
    if (node.type === "heading") {
      outline.title ??= collapseWhitespace(plainText(node));
      while ((headings.at(-1)?.depth ?? 0) >= node.depth) headings.pop();
      headings.push(node);
      if (criteriaDepth !== undefined && node.depth <= criteriaDepth) criteriaDepth = undefined;
      if (!criteriaSeen && criteriaHeading.test(plainText(node))) {
        criteriaSeen = true;
        criteriaDepth = node.depth;
      }
      continue;
    }
    visit(node, criteriaDepth === undefined ? "prose" : "criteria");
  }
  for (const extra of markedFences.slice(1)) {
    outline.problems.push({
      line: startLine(extra),
      field: "model",
      message: `a second \`\`\`yaml model block: a spec has one, and the first starts on line ${startLine(markedFences[0] as Code)}`,
    });
  }
  outline.modelFence = markedFences[0] ?? headingFence;
  return outline;
}

function isMarkedModel(fence: Code): boolean {
  return (fence.meta ?? "").split(/\s+/).includes("model");
}

/** A list item's own text (its paragraphs); its nested lists become prose blocks of their own. */
function addListItemProse(item: ListItem, heading: Heading | undefined, prose: ProseBlock[]): void {
  const own = item.children.filter((child) => child.type === "paragraph");
  const text = own.map((paragraph) => plainText(paragraph)).join("\n");
  addProse(prose, text, startLine(item), heading);
}

function addProse(
  prose: ProseBlock[],
  text: string,
  line: number,
  heading: Heading | undefined,
): void {
  const collapsed = collapseWhitespace(text);
  if (collapsed === "") return;
  const section = heading === undefined ? "" : collapseWhitespace(plainText(heading));
  prose.push({ text: collapsed, line, section });
}
