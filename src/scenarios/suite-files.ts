/**
 * Finding the files of a suite. One file (`.yaml`, `.yml`, `.json`) holds `suite:` and `scenarios:`; a
 * folder holds `suite.yaml` (or `.yml`, `.json`) at its top and any number of scenario files below it,
 * read in sorted order so that a suite loads the same way on every machine. Hidden entries,
 * `node_modules` and `package.json` are not scenario files (a folder of JS predicates may need them).
 */
import { readdir, stat } from "node:fs/promises";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { ShopfloorError } from "../contracts/errors.js";
import { InvalidInputError } from "../contracts/invalid-input.js";

export const suiteExtensions: readonly string[] = [".yaml", ".yml", ".json"];
const suiteFileNames = suiteExtensions.map((extension) => `suite${extension}`);
const ignoredNames: ReadonlySet<string> = new Set([
  "node_modules",
  "package.json",
  "package-lock.json",
]);

export interface SuiteFiles {
  form: "file" | "folder";
  /** Absolute: the folder relative paths of the suite resolve against. */
  folder: string;
  /** Absolute paths. The suite file holds `suite:`; scenario files hold only `scenarios:`. */
  suiteFile: string;
  scenarioFiles: string[];
}

export async function findSuiteFiles(path: string): Promise<SuiteFiles> {
  const absolute = resolve(path);
  const entry = await stat(absolute).catch((error: unknown) => {
    throw new ShopfloorError("not-found", `no suite at ${path}: no such file or folder`, {
      path,
      cause: error,
    });
  });
  if (entry.isFile()) {
    if (!suiteExtensions.includes(extname(absolute).toLowerCase())) {
      throw new InvalidInputError(path, [
        {
          field: "(file)",
          message: "a suite is a .yaml, .yml or .json file, or a folder with suite.yaml",
        },
      ]);
    }
    return { form: "file", folder: dirname(absolute), suiteFile: absolute, scenarioFiles: [] };
  }
  const files = await listSuiteFiles(absolute);
  const suiteFiles = files.filter((file) => suiteFileNames.includes(relative(absolute, file)));
  const [suiteFile, ...others] = suiteFiles;
  if (suiteFile === undefined || others.length > 0) {
    const message =
      suiteFile === undefined
        ? "a suite folder has a suite.yaml (or suite.yml, suite.json) holding suite:"
        : `a suite folder has one suite file, not ${suiteFiles.map((file) => relative(absolute, file)).join(" and ")}`;
    throw new InvalidInputError(path, [{ field: "(folder)", message }]);
  }
  return {
    form: "folder",
    folder: absolute,
    suiteFile,
    scenarioFiles: files.filter((file) => !suiteFiles.includes(file)),
  };
}

/** Every YAML or JSON file under `folder`, recursively, sorted by relative path. */
async function listSuiteFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  // Walked by hand rather than with `recursive: true`, so that node_modules is never entered.
  const pending = [folder];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || ignoredNames.has(entry.name)) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile() && suiteExtensions.includes(extname(entry.name).toLowerCase())) {
        files.push(path);
      }
    }
  }
  const sortKey = (file: string) => relative(folder, file).split(sep).join("/");
  return files.sort((left, right) => compareText(sortKey(left), sortKey(right)));
}

function compareText(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
