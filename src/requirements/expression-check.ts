/**
 * Checking an action's expressions (`requires[].check`, `effects`) when the spec is read: they must compile
 * with filtrex, and every name they read must be a field of the entity, an input of the action or one of
 * the constants `true`, `false` and `null`, so that a typo fails here rather than in a built service.
 */
import { compileExpression } from "filtrex";

export const expressionConstants = { true: true, false: false, null: null };

const builtInFunctions = [
  "abs",
  "ceil",
  "floor",
  "log",
  "log2",
  "log10",
  "max",
  "min",
  "round",
  "sqrt",
  "exists",
  "empty",
];

/** Why the expression cannot be used with these variables, or undefined when it can. */
export function expressionProblem(text: string, variables: readonly string[]): string | undefined {
  try {
    compileExpression(text, { constants: expressionConstants });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // filtrex draws a caret under the fault on a line of its own; one line reads better here.
    const oneLine = reason.replace(/\n-*\^\n/g, " ").replace(/\s*\n\s*/g, " ");
    return `invalid expression ${JSON.stringify(text)}: ${oneLine}`;
  }
  for (const name of readNames(text)) {
    if (name.kind === "function" && !builtInFunctions.includes(name.name))
      return `unknown function "${name.name}" in ${JSON.stringify(text)}; the functions are ${builtInFunctions.join(", ")}`;
    if (name.kind === "variable" && !variables.includes(name.name))
      return `unknown name "${name.name}" in ${JSON.stringify(text)}; the names here are ${[...variables, ...Object.keys(expressionConstants)].join(", ")}`;
  }
  return undefined;
}

interface Token {
  kind: "symbol" | "quoted-symbol" | "keyword" | "other";
  text: string;
}

// filtrex's own lexical rules, in its order: the first that matches wins.
const tokenRules: readonly [RegExp, Token["kind"] | "skip"][] = [
  [/\s+/y, "skip"],
  [/"(?:\\"|\\\\|[^"\\])*"/y, "skip"],
  [/(?:not\s+in|and|or|not|in|of|if|then|else|mod)(?=[^\w])/y, "keyword"],
  [/[0-9]+(?:\.[0-9]+)?(?![0-9.])/y, "other"],
  [/[a-zA-Z$_][.a-zA-Z0-9$_]*/y, "symbol"],
  [/'(?:\\'|\\\\|[^'\\])*'/y, "quoted-symbol"],
  [/./y, "other"],
];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < text.length) {
    for (const [pattern, kind] of tokenRules) {
      pattern.lastIndex = position;
      const match = pattern.exec(text);
      if (match === null) continue;
      position += match[0].length;
      if (kind !== "skip") tokens.push({ kind, text: match[0] });
      break;
    }
  }
  return tokens;
}

/** The names an expression reads from its data, and the functions it calls. */
function readNames(text: string): { kind: "variable" | "function"; name: string }[] {
  const tokens = tokenize(text);
  const names: { kind: "variable" | "function"; name: string }[] = [];
  for (const [index, token] of tokens.entries()) {
    const next = tokens[index + 1];
    // `name of value` reads a key of a value, not a variable.
    if (next?.kind === "keyword" && next.text === "of") continue;
    if (token.kind === "symbol" && next?.text === "(")
      names.push({ kind: "function", name: token.text });
    else if (token.kind === "symbol" && !(token.text in expressionConstants))
      names.push({ kind: "variable", name: token.text });
    else if (token.kind === "quoted-symbol")
      names.push({ kind: "variable", name: token.text.slice(1, -1).replace(/\\(.)/g, "$1") });
  }
  return names;
}
