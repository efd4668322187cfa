/**
 * The llm agent's file tools: read a file (a window of lines), write one, and edit one by replacing a
 * passage that occurs exactly once. Every path goes through `resolveWorkspacePath`; every answer is text
 * the model reads, and every problem a `ToolRefusal` whose message says what to do instead.
 */
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { resolveWorkspacePath, ToolRefusal } from "./workspace-path.js";

/** Lines read_file returns when the model asks for no limit. */
export const defaultReadLines = 2_000;
/** A read answer is cut at this many characters: one long line must not flood the context. */
export const maximumReadCharacters = 100_000;
/** Larger files are not read whole; the model reads them in windows. */
const maximumFileBytes = 10 * 1024 * 1024;

export interface ReadRequest {
  path: string;
  /** The first line to return, counted from 1. */
  offset?: number;
  limit?: number;
}

export async function readWorkspaceFile(root: string, request: ReadRequest): Promise<string> {
  const path = await resolveWorkspacePath(root, request.path, "read");
  const text = await readText(path, request.path);
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const first = Math.max(1, Math.floor(request.offset ?? 1));
  const limit = Math.max(1, Math.floor(request.limit ?? defaultReadLines));
  if (lines.length === 0) return `(${request.path} is empty)`;
  if (first > lines.length) {
    throw new ToolRefusal(
      `${request.path} has ${lines.length} lines; offset ${first} is past its end`,
    );
  }
  const last = Math.min(lines.length, first + limit - 1);
  let window = lines.slice(first - 1, last).join("\n");
  if (window.length > maximumReadCharacters) {
    window = `${window.slice(0, maximumReadCharacters)}\n[cut at ${maximumReadCharacters} characters]`;
  }
  if (first === 1 && last === lines.length) return window;
  const next = last < lines.length ? `; read on with offset ${last + 1}` : "";
  return `${window}\n[lines ${first}-${last} of ${lines.length}${next}]`;
}

export async function writeWorkspaceFile(
  root: string,
  request: { path: string; content: string },
): Promise<string> {
  const path = await resolveWorkspacePath(root, request.path, "write");
  await refuseFolder(path, request.path);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, request.content, "utf8");
  return `wrote ${Buffer.byteLength(request.content, "utf8")} bytes to ${request.path}`;
}

export async function editWorkspaceFile(
  root: string,
  request: { path: string; search: string; replace: string },
): Promise<string> {
  if (request.search === "") {
    throw new ToolRefusal("search is empty; give the exact passage to replace");
  }
  const path = await resolveWorkspacePath(root, request.path, "write");
  const text = await readText(path, request.path);
  const occurrences = text.split(request.search).length - 1;
  if (occurrences !== 1) {
    const times = occurrences === 0 ? "not found" : `found ${occurrences} times`;
    throw new ToolRefusal(
      `the search text was ${times} in ${request.path}; it must occur exactly once` +
        (occurrences === 0
          ? " (copy it exactly, whitespace included)"
          : " (include more surrounding lines)"),
    );
  }
  const index = text.indexOf(request.search);
  const edited = text.slice(0, index) + request.replace + text.slice(index + request.search.length);
  await writeFile(path, edited, "utf8");
  return `replaced 1 occurrence in ${request.path}`;
}

async function readText(path: string, shown: string): Promise<string> {
  const facts = await stat(path).catch(() => undefined);
  if (facts === undefined) throw new ToolRefusal(`${shown} does not exist`);
  if (facts.isDirectory()) throw new ToolRefusal(`${shown} is a folder; use list_files`);
  if (facts.size > maximumFileBytes) {
    throw new ToolRefusal(`${shown} is ${facts.size} bytes, too large to read`);
  }
  return readFile(path, "utf8");
}

async function refuseFolder(path: string, shown: string): Promise<void> {
  const facts = await stat(path).catch(() => undefined);
  if (facts?.isDirectory()) throw new ToolRefusal(`${shown} is a folder, not a file`);
}
