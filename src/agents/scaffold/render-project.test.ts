import ts from "typescript";
import { describe, expect, it } from "vitest";
import { renderPackageJson, renderTsconfig, transpileOptions } from "./render-project.js";
import type { ServicePlan } from "./service-plan.js";

describe("renderPackageJson", () => {
  it("makes an ES module that starts and rebuilds without runtime dependencies", () => {
    const manifest = JSON.parse(
      renderPackageJson({ name: "todo-api", description: "Todos." } as ServicePlan),
    );
    expect(manifest).toMatchObject({
      name: "todo-api",
      private: true,
      description: "Todos.",
      type: "module",
      scripts: { build: "tsc -p tsconfig.json", start: "node dist/server.js" },
    });
    expect(manifest.dependencies).toBeUndefined();
    expect(Object.keys(manifest.devDependencies)).toEqual(["@types/node", "typescript"]);
  });
});

describe("renderTsconfig", () => {
  it("compiles to the ES modules transpileModule writes, so a rebuild runs the same code", () => {
    const parsed = ts.parseJsonConfigFileContent(JSON.parse(renderTsconfig()), ts.sys, "/service");
    // 18003: no inputs found, as /service/src does not exist here.
    expect(parsed.errors.filter((error) => error.code !== 18003)).toEqual([]);
    expect(parsed.options).toMatchObject({
      module: transpileOptions.module,
      target: transpileOptions.target,
      strict: true,
      outDir: "/service/dist",
      rootDir: "/service/src",
    });
    const output = ts.transpileModule('import { a } from "./a.js";\nexport const b = a;\n', {
      compilerOptions: parsed.options,
    }).outputText;
    expect(output).toContain('import { a } from "./a.js";');
  });
});
