/**
 * Builds whose running code is compiled from their source (`src/server.ts` → `dist/server.js`). The
 * fault goes into the source, where a reviewer of the branch reads it, and the compiled file is made
 * again from the mutated source with the compiler's `transpileModule` (the way the scaffold compiles),
 * with the worktree's tsconfig.json options when it has one: the code that runs has the same fault.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { scriptExtension } from "./source-syntax.js";

const outputExtensions: Record<string, string> = {
  ".ts": ".js",
  ".tsx": ".js",
  ".mts": ".mjs",
  ".cts": ".cjs",
};

const defaultOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
};

/**
 * Source → compiled file, for each changed TypeScript file with a changed JavaScript file compiled from
 * it: beside it (`server.ts`, `server.js`), or in an output folder that repeats its path with or
 * without its first folder (`src/a.ts` → `dist/src/a.js` or `dist/a.js`).
 */
export function compiledOutputs(files: readonly string[]): Map<string, string> {
  const outputs = new Map<string, string>();
  const changed = [...files].sort();
  for (const source of changed) {
    const extension = scriptExtension(source);
    const outputExtension = extension === undefined ? undefined : outputExtensions[extension];
    if (extension === undefined || outputExtension === undefined) continue;
    const stem = source.slice(0, -extension.length);
    const output = changed.find(
      (file) =>
        file.endsWith(outputExtension) &&
        compiledFrom(file.slice(0, -outputExtension.length), stem),
    );
    if (output !== undefined) outputs.set(source, output);
  }
  return outputs;
}

function compiledFrom(outputStem: string, sourceStem: string): boolean {
  if (outputStem === sourceStem || outputStem.endsWith(`/${sourceStem}`)) return true;
  const withoutFirstFolder = sourceStem.slice(sourceStem.indexOf("/") + 1);
  return sourceStem.includes("/") && outputStem.endsWith(`/${withoutFirstFolder}`);
}

/** The compiled JavaScript of a TypeScript source, without a source map. */
export function transpileSource(file: string, text: string, options: ts.CompilerOptions): string {
  return ts.transpileModule(text, {
    fileName: file,
    compilerOptions: { ...options, sourceMap: false, inlineSourceMap: false, declaration: false },
  }).outputText;
}

/** The compiler options of the worktree's tsconfig.json, or ES2022 modules when it has none. */
export function worktreeCompilerOptions(worktree: string): ts.CompilerOptions {
  const configPath = join(worktree, "tsconfig.json");
  if (!existsSync(configPath)) return defaultOptions;
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error !== undefined) return defaultOptions;
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, worktree);
  return { ...defaultOptions, ...parsed.options };
}
