/**
 * Keeping the llm agent's file tools inside its workspace. A path the model gives is relative to the
 * worktree's root; one that is absolute, climbs out with `..`, or reaches outside through a symbolic
 * link is refused with a message the model can act on, and never followed. Writes into `.git` are
 * refused too: the worktree's link to its repository is not the agent's to edit.
 */
import { lstat, realpath } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { ShopfloorError } from "../../contracts/errors.js";

/** What a tool answers the model when it refuses a request; the loop goes on. */
export class ToolRefusal extends ShopfloorError {
  constructor(message: string) {
    super("invalid-argument", message);
    this.name = "ToolRefusal";
  }
}

export type PathPurpose = "read" | "write";

/** The absolute path of `requested` inside `root`, after checking that it stays there. */
export async function resolveWorkspacePath(
  root: string,
  requested: string,
  purpose: PathPurpose,
): Promise<string> {
  if (isAbsolute(requested)) {
    throw new ToolRefusal(
      `"${requested}" is an absolute path; give a path relative to the workspace root`,
    );
  }
  const target = resolve(root, requested);
  const inside = relative(root, target);
  if (leavesFolder(inside)) {
    throw new ToolRefusal(`"${requested}" is outside the workspace; paths must stay inside it`);
  }
  if (purpose === "write" && (inside === "" || inside.split(sep)[0] === ".git")) {
    throw new ToolRefusal(
      `"${requested}" cannot be written: write files inside the workspace only`,
    );
  }
  await checkRealLocation(root, target, requested);
  return target;
}

/** The path of `absolute` relative to `root`, with `/` separators, as the model sees paths. */
export function workspaceRelative(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join("/") || ".";
}

function leavesFolder(relativePath: string): boolean {
  return relativePath === ".." || relativePath.startsWith(`..${sep}`) || isAbsolute(relativePath);
}

/**
 * The deepest part of the path that exists must really be inside the root once its symbolic links are
 * resolved; what does not exist yet will be created under it. A dangling link is refused: writing
 * through it would create its target wherever it points.
 */
async function checkRealLocation(root: string, target: string, requested: string): Promise<void> {
  const realRoot = await realpath(root);
  const existing = await deepestExisting(target, root);
  let real: string;
  try {
    real = await realpath(existing);
  } catch {
    throw new ToolRefusal(`"${requested}" goes through a symbolic link that points nowhere`);
  }
  if (leavesFolder(relative(realRoot, real))) {
    throw new ToolRefusal(
      `"${requested}" goes through a symbolic link to outside the workspace; it is not followed`,
    );
  }
}

async function deepestExisting(target: string, root: string): Promise<string> {
  let candidate = target;
  while (candidate !== root) {
    if (await exists(candidate)) return candidate;
    const parent = dirname(candidate);
    if (parent === candidate) break;
    candidate = parent;
  }
  return root;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
