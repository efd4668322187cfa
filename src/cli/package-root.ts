/**
 * The folder of shopfloor's own package.json, found by walking up from this module, so that the same code
 * finds its bundled files whether it runs from src/ (tests) or dist/src/ (the built bin).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cachedRoot: string | undefined;

export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!isShopfloorRoot(folder)) {
    const parent = dirname(folder);
    if (parent === folder)
      throw new Error("cannot find shopfloor's package.json above its own code");
    folder = parent;
  }
  cachedRoot = folder;
  return folder;
}

export function packageVersion(): string {
  return (
    JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }
  ).version;
}

function isShopfloorRoot(folder: string): boolean {
  const path = join(folder, "package.json");
  return (
    existsSync(path) &&
    (JSON.parse(readFileSync(path, "utf8")) as { name?: string }).name === "shopfloor"
  );
}
