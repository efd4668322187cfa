import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { HttpServiceModel, type Spec } from "../../contracts/spec.js";
import { loadSpec } from "../../requirements/index.js";
import { type ScaffoldedFile, scaffoldRefusal, scaffoldService } from "./scaffold-service.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const todo = await loadSpec(join(root, "examples/todo-api/spec.md"));
const inventory = await loadSpec(join(root, "examples/inventory-api/spec.md"));

function specWith(
  model: HttpServiceModel | undefined,
  kind: Spec["frontMatter"]["kind"] = "http-service",
): Spec {
  return {
    source: "service.md",
    hash: "h",
    frontMatter: { name: "service-test", kind },
    title: "Service test",
    prose: [],
    criteria: [],
    ...(model === undefined ? {} : { model: { kind: "http-service", model } }),
  };
}

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true }))));

async function writeService(files: readonly ScaffoldedFile[]): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "shopfloor-scaffold-service-"));
  folders.push(folder);
  for (const file of files) {
    await mkdir(dirname(join(folder, file.path)), { recursive: true });
    await writeFile(join(folder, file.path), file.content);
  }
  return folder;
}

/** What `npm run build` would report: the service's own tsconfig, with Node's types from here. */
async function typeErrors(files: readonly ScaffoldedFile[]): Promise<string[]> {
  const folder = await writeService(files);
  const config = ts.readConfigFile(join(folder, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, folder);
  const program = ts.createProgram(parsed.fileNames, {
    ...parsed.options,
    noEmit: true,
    typeRoots: [join(root, "node_modules/@types")],
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file?.fileName.slice(folder.length + 1) ?? "";
    const line =
      diagnostic.file === undefined || diagnostic.start === undefined
        ? 0
        : diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
    return `${where}:${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
}

describe("scaffoldService", () => {
  it("writes the sources, their compiled JavaScript and the project's files", () => {
    const paths = scaffoldService(inventory).map((file) => file.path);
    expect(paths).toEqual([
      "src/server.ts",
      "src/validation.ts",
      "src/store.ts",
      "src/actions.ts",
      "dist/server.js",
      "dist/validation.js",
      "dist/store.js",
      "dist/actions.js",
      "openapi.json",
      "README.md",
      "package.json",
      "tsconfig.json",
    ]);
    expect(scaffoldService(todo).map((file) => file.path)).not.toContain("src/actions.ts");
  });

  it("gives the same files for the same spec, byte for byte", () => {
    expect(scaffoldService(inventory)).toEqual(scaffoldService(inventory));
  });

  it("writes TypeScript that compiles under strict settings, in lines of at most 100", async () => {
    for (const spec of [todo, inventory]) {
      const files = scaffoldService(spec);
      expect(await typeErrors(files), spec.source).toEqual([]);
      for (const file of files.filter((candidate) => candidate.path.endsWith(".ts"))) {
        const long = file.content.split("\n").filter((line) => line.length > 100);
        expect(long, file.path).toEqual([]);
      }
    }
  });

  it("writes valid TypeScript whatever the model's names are", async () => {
    const awkward = HttpServiceModel.parse({
      entities: {
        input: {
          path: "/v1/delete",
          fields: {
            class: { type: "integer", default: 0, min: 0 },
            constructor: { type: "string", unique: true },
            route: { type: "boolean", default: true },
          },
          actions: {
            delete: { effects: { class: "class + 1" } },
            new: {
              input: { by: { type: "integer", required: true } },
              requires: [{ check: "route and by > 0", error: "no" }],
              effects: { class: "max(class, by)", route: "not route" },
            },
          },
        },
        route: { fields: { send: "string" }, operations: ["create", "list"] },
      },
    });
    expect(await typeErrors(scaffoldService(specWith(awkward)))).toEqual([]);
  });

  it("refuses what it cannot build, saying why", () => {
    expect(scaffoldRefusal(specWith(undefined, "cli"))).toMatch(/cannot know what a command/);
    expect(scaffoldRefusal(specWith(undefined, "library"))).toMatch(/what a function/);
    expect(scaffoldRefusal(specWith(undefined))).toMatch(/no structured model/);
    expect(() => scaffoldService(specWith(undefined))).toThrow(/no structured model/);
    const objects = HttpServiceModel.parse({
      entities: {
        item: {
          fields: { size: "integer" },
          actions: { grow: { effects: { size: "a of size" } } },
        },
      },
    });
    expect(() => scaffoldService(specWith(objects))).toThrow(/reads a property of an object/);
  });
});
