/**
 * The files a fault may go into: the TypeScript and JavaScript files the inner run changed that still
 * exist, leaving out tests, dependencies, declarations and compiled files whose source also changed
 * (those are compiled again from the mutated source instead).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { compiledOutputs } from "./compiled-output.js";
import { scriptExtension } from "./source-syntax.js";

export interface ChangedSource {
  /** Relative to the worktree, `/`-separated, as `AgentRun.filesChanged` gives it. */
  file: string;
  text: string;
  /** The compiled file made from this one, to be compiled again after a fault. */
  compiledOutput?: string;
}

const notBuildCode = /(^|\/)(node_modules|test|tests|__tests__)\/|\.(test|spec)\.[cm]?[jt]sx?$/;
/** Paths that could leave the worktree: absolute, or with a `..` folder. */
const outsideWorktree = /^\/|(^|\/)\.\.(\/|$)/;

export async function readChangedSources(
  worktree: string,
  filesChanged: readonly string[],
): Promise<ChangedSource[]> {
  const outputs = compiledOutputs(filesChanged);
  const compiled = new Set(outputs.values());
  const files = [...filesChanged]
    .sort()
    .filter((file) => scriptExtension(file) !== undefined)
    .filter((file) => !notBuildCode.test(file) && !outsideWorktree.test(file))
    .filter((file) => !compiled.has(file));
  const sources: ChangedSource[] = [];
  for (const file of files) {
    const text = await readFile(join(worktree, file), "utf8").catch(() => undefined);
    if (text === undefined) continue; // deleted by the run
    const compiledOutput = outputs.get(file);
    sources.push({ file, text, ...(compiledOutput === undefined ? {} : { compiledOutput }) });
  }
  return sources;
}
