/** Resolves a path the sandbox binds or runs in to its real location, or says plainly that it is missing. */
import { realpath } from "node:fs/promises";
import { SandboxPathError } from "./sandbox-errors.js";

export async function existingPath(path: string, role: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    throw new SandboxPathError(
      `the ${role} ${path} does not exist or cannot be resolved (${(error as Error).message})`,
      path,
      "not-found",
    );
  }
}
