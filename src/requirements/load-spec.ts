/**
 * Loading a spec from its file: the Markdown is read and parsed, and a file it refers to (its OpenAPI
 * document) is read from the spec's folder. Paths in messages are relative to the working directory
 * when they are inside it.
 */
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { ShopfloorError } from "../contracts/errors.js";
import type { Spec } from "../contracts/spec.js";
import { parseSpec } from "./parse-spec.js";

export interface LoadSpecOptions {
  /** Files are shown relative to it in messages when they are inside it; default: the process's. */
  workingDirectory?: string;
}

export async function loadSpec(path: string, options: LoadSpecOptions = {}): Promise<Spec> {
  const workingDirectory = options.workingDirectory ?? process.cwd();
  const file = resolve(workingDirectory, path);
  const source = displayPath(file, workingDirectory);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ShopfloorError("io-error", `cannot read the spec ${source}: ${String(error)}`, {
      path: source,
      cause: error,
    });
  }
  const readRelative = async (relativePath: string) => {
    const target = resolve(dirname(file), relativePath);
    return { text: await readFile(target, "utf8"), path: displayPath(target, workingDirectory) };
  };
  return parseSpec(text, source, { readRelative });
}

function displayPath(file: string, workingDirectory: string): string {
  const shown = relative(workingDirectory, file);
  return shown.startsWith("..") || isAbsolute(shown) ? file : shown;
}
