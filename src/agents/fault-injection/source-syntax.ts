/**
 * Reading a build's source file with the TypeScript compiler's parser (syntax only, no type checking):
 * which files are scripts, the script kind from the extension, the 1-based line of a position, whether
 * a text still parses, and a short quotation of a node for a fault's description.
 */
import ts from "typescript";

const scriptKinds: Record<string, ts.ScriptKind> = {
  ".ts": ts.ScriptKind.TS,
  ".mts": ts.ScriptKind.TS,
  ".cts": ts.ScriptKind.TS,
  ".tsx": ts.ScriptKind.TSX,
  ".js": ts.ScriptKind.JS,
  ".mjs": ts.ScriptKind.JS,
  ".cjs": ts.ScriptKind.JS,
  ".jsx": ts.ScriptKind.JSX,
};

/** The extension as the compiler knows it (`.ts`, `.mjs`…), or undefined for anything else. */
export function scriptExtension(file: string): string | undefined {
  const match = /\.[cm]?[jt]sx?$/.exec(file);
  if (!match || /\.d\.[cm]?ts$/.test(file)) return undefined;
  return scriptKinds[match[0]] === undefined ? undefined : match[0];
}

export function parseSource(file: string, text: string): ts.SourceFile {
  const kind = scriptKinds[scriptExtension(file) ?? ".ts"] ?? ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

/** The compiler's syntax errors in a text, as `line: message`; empty when it parses. */
export function syntaxErrors(file: string, text: string): string[] {
  const output = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return (output.diagnostics ?? []).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
    const start = diagnostic.start;
    if (diagnostic.file === undefined || start === undefined) return message;
    return `${lineOf(diagnostic.file, start)}: ${message}`;
  });
}

export function lineOf(sourceFile: ts.SourceFile, position: number): number {
  return sourceFile.getLineAndCharacterOfPosition(position).line + 1;
}

/** A node's text on one line, cut to `maximumLength` characters with an ellipsis. */
export function quote(node: ts.Node, maximumLength = 60): string {
  return quoteText(node.getText(), maximumLength);
}

export function quoteText(text: string, maximumLength = 60): string {
  const line = text.replace(/\s+/g, " ");
  return line.length <= maximumLength ? line : `${line.slice(0, maximumLength - 1)}…`;
}

/** Every node under `root`, depth first, in source order. */
export function descendants(root: ts.Node): ts.Node[] {
  const nodes: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    nodes.push(node);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(root, visit);
  return nodes;
}
