/**
 * The llm agent's tools for finding its way: list the files under a folder, and search text files for a
 * regular expression. Both walk the workspace without following symbolic links, skip `.git` and
 * `node_modules`, and cap what they return so that a large tree cannot flood the model's context.
 */
import { open, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { resolveWorkspacePath, ToolRefusal, workspaceRelative } from "./workspace-path.js";

export const maximumListedFiles = 500;
export const maximumSearchMatches = 100;
/** Files larger than this are not searched: they are data or build output, not code to read. */
const maximumSearchedBytes = 1024 * 1024;
const maximumLineCharacters = 200;
const skippedFolders = new Set([".git", "node_modules"]);

export async function listWorkspaceFiles(
  root: string,
  request: { path?: string },
): Promise<string> {
  const folder = await resolveWorkspacePath(root, request.path ?? ".", "read");
  await requireFolder(folder, request.path ?? ".");
  const files: string[] = [];
  let total = 0;
  for await (const file of walk(folder)) {
    total += 1;
    if (files.length < maximumListedFiles) files.push(workspaceRelative(root, file));
  }
  if (total === 0) return "(no files)";
  files.sort();
  const more = total > files.length ? `\n[${total - files.length} more files not listed]` : "";
  return files.join("\n") + more;
}

export async function searchWorkspace(
  root: string,
  request: { pattern: string; path?: string },
): Promise<string> {
  const expression = compile(request.pattern);
  const start = await resolveWorkspacePath(root, request.path ?? ".", "read");
  const facts = await stat(start).catch(() => undefined);
  if (facts === undefined) throw new ToolRefusal(`${request.path} does not exist`);
  if (!facts.isDirectory() && !facts.isFile()) {
    throw new ToolRefusal(`${request.path} is neither a file nor a folder`);
  }
  const files = facts.isDirectory() ? walk(start) : single(start);
  const matches: string[] = [];
  let capped = false;
  for await (const file of files) {
    const text = await readSearchable(file);
    if (text === undefined) continue;
    const lines = text.split("\n");
    for (const [index, line] of lines.entries()) {
      if (!expression.test(line)) continue;
      if (matches.length === maximumSearchMatches) {
        capped = true;
        break;
      }
      matches.push(`${workspaceRelative(root, file)}:${index + 1}: ${cutLine(line)}`);
    }
    if (capped) break;
  }
  if (matches.length === 0) return `no match for /${request.pattern}/`;
  const more = capped ? `\n[stopped at ${maximumSearchMatches} matches; narrow the search]` : "";
  return matches.join("\n") + more;
}

/** Regular files under `folder`, depth first; links and skipped folders are not entered. */
async function* walk(folder: string): AsyncGenerator<string> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((left, right) => left.name.localeCompare(right.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !skippedFolders.has(entry.name)) yield* walk(path);
    if (entry.isFile()) yield path;
  }
}

async function* single(file: string): AsyncGenerator<string> {
  yield file;
}

async function requireFolder(folder: string, shown: string): Promise<void> {
  const facts = await stat(folder).catch(() => undefined);
  if (facts === undefined) throw new ToolRefusal(`${shown} does not exist`);
  if (!facts.isDirectory()) throw new ToolRefusal(`${shown} is a file; use read_file`);
}

function compile(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ToolRefusal(`the pattern is not a valid regular expression: ${reason}`);
  }
}

/** The file's text, or undefined when it is too large or binary (a NUL byte in its first 8 KB). */
async function readSearchable(file: string): Promise<string | undefined> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    if (size > maximumSearchedBytes) return undefined;
    const buffer = Buffer.alloc(size);
    await handle.read(buffer, 0, size, 0);
    if (buffer.subarray(0, 8192).includes(0)) return undefined;
    return buffer.toString("utf8");
  } finally {
    await handle.close();
  }
}

function cutLine(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > maximumLineCharacters
    ? `${trimmed.slice(0, maximumLineCharacters)}…`
    : trimmed;
}
