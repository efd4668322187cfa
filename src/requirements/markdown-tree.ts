/**
 * The Markdown of a spec as a tree with positions (mdast), front matter included, and the few helpers the
 * readers share: a node's plain text and its line in the file.
 */
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { frontmatter } from "micromark-extension-frontmatter";

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [frontmatter(["yaml"])],
    mdastExtensions: [frontmatterFromMarkdown(["yaml"])],
  });
}

/** The text a reader sees: markup dropped, inline code kept without its backticks, blocks spaced. */
export function plainText(node: Nodes): string {
  if (node.type === "break") return "\n";
  if ("value" in node && node.type !== "html") return node.value;
  if (!("children" in node)) return "";
  const separator = isBlockContainer(node) ? "\n" : "";
  return node.children.map((child) => plainText(child as Nodes)).join(separator);
}

function isBlockContainer(node: Nodes): boolean {
  return ["root", "list", "listItem", "blockquote"].includes(node.type);
}

/** Runs of whitespace (line breaks included) as one space, trimmed: how a criterion's text is kept. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The 1-based line where a node starts; 1 for a node without a position (never from the parser). */
export function startLine(node: Nodes): number {
  return node.position?.start.line ?? 1;
}
