/**
 * Finds `runtime/port-bridge.mjs` by walking up from this module, so the same code finds it from src/ (under
 * vitest) and from dist/src/ (the built package), and reads it once.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ShopfloorError } from "../../contracts/errors.js";

const relativePath = join("runtime", "port-bridge.mjs");

export function findPortBridgeScript(moduleUrl: string = import.meta.url): string {
  let folder = dirname(fileURLToPath(moduleUrl));
  while (!existsSync(join(folder, relativePath))) {
    const parent = dirname(folder);
    if (parent === folder) {
      throw new ShopfloorError(
        "internal",
        `cannot find ${relativePath} in any folder above ${fileURLToPath(moduleUrl)}; the installation is incomplete`,
      );
    }
    folder = parent;
  }
  return join(folder, relativePath);
}

const cachedSources = new Map<string, Promise<string>>();

export function readPortBridgeScript(path: string): Promise<string> {
  let source = cachedSources.get(path);
  if (source === undefined) {
    source = readFile(path, "utf8");
    source.catch(() => cachedSources.delete(path));
    cachedSources.set(path, source);
  }
  return source;
}
