import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterEach, describe, expect, it } from "vitest";
import { compiledOutputs, transpileSource, worktreeCompilerOptions } from "./compiled-output.js";

describe("compiledOutputs", () => {
  it("pairs a source with the compiled file beside it or in an output folder", () => {
    expect(
      compiledOutputs(["src/server.ts", "dist/server.js", "lib/util.mts", "out/lib/util.mjs"]),
    ).toEqual(
      new Map([
        ["src/server.ts", "dist/server.js"],
        ["lib/util.mts", "out/lib/util.mjs"],
      ]),
    );
    expect(compiledOutputs(["server.ts", "server.js"])).toEqual(
      new Map([["server.ts", "server.js"]]),
    );
    expect(compiledOutputs(["src/a.ts", "dist/src/a.js"])).toEqual(
      new Map([["src/a.ts", "dist/src/a.js"]]),
    );
  });

  it("pairs nothing when the run did not change a compiled file of that name", () => {
    expect(compiledOutputs(["src/server.ts", "dist/client.js", "src/server.test.ts"])).toEqual(
      new Map(),
    );
    expect(compiledOutputs(["server.mjs", "server.js"])).toEqual(new Map());
  });
});

describe("transpileSource", () => {
  it("compiles TypeScript to JavaScript with the given options, without a source map", () => {
    const source = "export function valid(limit: number): boolean {\n  return limit <= 100;\n}\n";
    const esm = transpileSource("src/a.ts", source, {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      sourceMap: true,
    });
    expect(esm).toBe("export function valid(limit) {\n    return limit <= 100;\n}\n");
    const commonJs = transpileSource("src/a.ts", source, { module: ts.ModuleKind.CommonJS });
    expect(commonJs).toContain("exports.valid = valid;");
  });
});

describe("worktreeCompilerOptions", () => {
  let folder: string | undefined;
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("reads the worktree's tsconfig.json, and falls back to ES2022 modules", () => {
    folder = mkdtempSync(join(tmpdir(), "shopfloor-faults-"));
    expect(worktreeCompilerOptions(folder)).toEqual({
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
    });
    writeFileSync(
      join(folder, "tsconfig.json"),
      '{ "compilerOptions": { "module": "commonjs", "target": "es2019" } }',
    );
    expect(worktreeCompilerOptions(folder)).toMatchObject({
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2019,
    });
    const scaffolded = {
      compilerOptions: {
        target: "ES2022",
        module: "ES2022",
        moduleResolution: "Bundler",
        strict: true,
        rootDir: "src",
        outDir: "dist",
      },
      include: ["src"],
    };
    writeFileSync(join(folder, "tsconfig.json"), JSON.stringify(scaffolded));
    const options = worktreeCompilerOptions(folder);
    expect(options).toMatchObject({ module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 });
    expect(transpileSource("src/a.ts", "export const a: number = 1;\n", options)).toBe(
      "export const a = 1;\n",
    );
    writeFileSync(join(folder, "tsconfig.json"), "{ not json");
    expect(worktreeCompilerOptions(folder)).toMatchObject({ module: ts.ModuleKind.ESNext });
  });
});
