/**
 * The spec's front matter: the YAML between the `---` lines at the top of the file, validated against
 * `SpecFrontMatter`, with every problem on its line in the Markdown file.
 */
import type { Yaml } from "mdast";
import type { InputProblem } from "../contracts/invalid-input.js";
import { SpecFrontMatter } from "../contracts/spec.js";
import { parseYamlDocument } from "../contracts/yaml-document.js";
import { startLine } from "./markdown-tree.js";
import { type BlockPlace, schemaMessages, schemaProblems } from "./schema-problems.js";

export interface FrontMatterReading {
  frontMatter?: SpecFrontMatter;
  /** Lines of the front matter's keys in the file, for problems found later (`openapi`). */
  place: BlockPlace;
  problems: InputProblem[];
}

export function readFrontMatter(node: Yaml | undefined): FrontMatterReading {
  const prefix = ["frontMatter"];
  if (node === undefined) {
    return {
      place: { prefix, lineOf: () => 1 },
      problems: [
        {
          line: 1,
          field: "frontMatter",
          message:
            "a spec starts with front matter: a line `---`, YAML with at least name and kind, a line `---`",
        },
      ],
    };
  }
  // The `---` line is the node's first; the YAML's line 1 is the next one.
  const offset = startLine(node);
  const document = parseYamlDocument(node.value);
  if (!document.ok) {
    const problem = {
      line: offset + document.line,
      field: "frontMatter",
      message: document.message,
    };
    return { place: { prefix, lineOf: () => offset }, problems: [problem] };
  }
  const place: BlockPlace = {
    prefix,
    lineOf: (path) => offset + (document.lineOf(path) ?? 0),
  };
  const parsed = SpecFrontMatter.safeParse(document.value ?? {}, { error: schemaMessages });
  if (parsed.success) return { frontMatter: parsed.data, place, problems: [] };
  return { place, problems: schemaProblems(parsed.error.issues, place) };
}
