/**
 * Writing TypeScript text from data: literals that are always valid code whatever the spec holds,
 * object literals on one line when they fit and one entry a line when not, regular-expression
 * literals, and doc comments wrapped to the line width (a `*` `/` in a description cannot end them).
 */

export const lineWidth = 100;

/** Lines joined; `false` and undefined leave theirs out, so optional parts read inline. */
export function lines(...parts: readonly (string | false | undefined)[]): string {
  return parts.filter((part): part is string => typeof part === "string").join("\n");
}

/** A string, number, boolean or list of them as TypeScript. */
export function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "number" && !Number.isFinite(value)) return "Number.NaN";
  return JSON.stringify(value) ?? "undefined";
}

/**
 * `{ a: 1, b: "x" }` when it fits in the line at `indent` (with what follows it), else one entry a
 * line, indented one level deeper.
 */
export function objectLiteral(
  entries: readonly (readonly [key: string, code: string])[],
  indent: string,
  usedWidth: number,
): string {
  if (entries.length === 0) return "{}";
  const parts = entries.map(([key, code]) => `${key}: ${code}`);
  const oneLine = `{ ${parts.join(", ")} }`;
  if (indent.length + usedWidth + oneLine.length <= lineWidth) return oneLine;
  return `{\n${parts.map((part) => `${indent}  ${part},`).join("\n")}\n${indent}}`;
}

/** A regular-expression literal for `source` (JavaScript syntax) with the `u` flag. */
export function regexLiteral(source: string): string {
  let escaped = "";
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index] as string;
    if (character === "\\") {
      escaped += character + (source[index + 1] ?? "");
      index += 1;
      continue;
    }
    // With the u flag, `\/` is allowed inside a character class too.
    if (character === "/") escaped += "\\/";
    else if (character === "\n") escaped += "\\n";
    else if (character === "\r") escaped += "\\r";
    else if (character === "\u2028" || character === "\u2029") {
      escaped += `\\u${character.charCodeAt(0).toString(16)}`;
    } else escaped += character;
  }
  return `/${escaped}/u`;
}

/** A pattern that must match a whole value: as written when it already anchors both ends. */
export function wholePatternSource(pattern: string): string {
  const anchored = pattern.startsWith("^") && /(?<!\\)\$$/.test(pattern) && !pattern.includes("|");
  return anchored ? pattern : `^(?:${pattern})$`;
}

/** Text from the spec made safe inside a comment, on one line. */
export function commentText(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim();
}

/** A `/** … *\/` comment at `indent`, wrapped to the line width. */
export function docComment(text: string, indent = ""): string {
  const wrapped = wrapWords(commentText(text), lineWidth - indent.length - 4);
  if (wrapped.length === 1) return `${indent}/** ${wrapped[0]} */`;
  return [`${indent}/**`, ...wrapped.map((line) => `${indent} * ${line}`), `${indent} */`].join(
    "\n",
  );
}

/** Words in lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapWords(text: string, width: number): string[] {
  const wrapped: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter((part) => part !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      wrapped.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "" || wrapped.length === 0) wrapped.push(line);
  return wrapped;
}

/** `import { a, type B } from "./x.js";`, one name a line when it does not fit. */
export function importStatement(names: readonly string[], from: string): string {
  const oneLine = `import { ${names.join(", ")} } from ${literal(from)};`;
  if (oneLine.length <= lineWidth) return oneLine;
  return `import {\n${names.map((name) => `  ${name},`).join("\n")}\n} from ${literal(from)};`;
}
