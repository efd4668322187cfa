/**
 * Writes the scaffolded service's `package.json` and `tsconfig.json`. The service is an ES module with
 * no runtime dependency; TypeScript and Node's types are only needed to rebuild `dist/`. Modules are
 * ES2022 rather than NodeNext so that the compiler's `transpileModule` (how the scaffold and the fault
 * injector compile a file on its own) writes the same ES modules as a full `tsc` build.
 */
import ts from "typescript";
import type { ServicePlan } from "./service-plan.js";

export const serviceCompilerOptions = {
  target: "ES2022",
  module: "ES2022",
  moduleResolution: "Bundler",
  lib: ["ES2023"],
  types: ["node"],
  strict: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  rootDir: "src",
  outDir: "dist",
} as const;

/** The options `transpileModule` needs to write what `tsc -p tsconfig.json` writes. */
export const transpileOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
};

export function renderTsconfig(): string {
  return `${JSON.stringify({ compilerOptions: serviceCompilerOptions, include: ["src"] }, null, 2)}\n`;
}

export function renderPackageJson(plan: ServicePlan): string {
  const manifest = {
    name: plan.name,
    version: "1.0.0",
    private: true,
    ...(plan.description === undefined ? {} : { description: plan.description }),
    type: "module",
    main: "dist/server.js",
    engines: { node: ">=20" },
    scripts: { build: "tsc -p tsconfig.json", start: "node dist/server.js" },
    devDependencies: { "@types/node": "^20.19.0", typescript: `^${ts.versionMajorMinor}.0` },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
