/**
 * Checks a sandbox request before anything is created: a command to run, absolute paths, a valid port,
 * positive whole limits and environment variable names that can be set. Both sandboxes apply the same rules.
 */
import { isAbsolute } from "node:path";
import { InvalidArgumentError } from "../../contracts/errors.js";
import type { SandboxRequest } from "./sandbox.js";

export function validateRequest(request: SandboxRequest): void {
  if (request.argv.length === 0 || request.argv[0] === "") {
    throw new InvalidArgumentError("the sandboxed command is empty", "argv");
  }
  for (const path of [request.workDirectory, ...(request.readOnlyPaths ?? [])]) {
    if (!isAbsolute(path)) {
      throw new InvalidArgumentError(
        `paths given to the sandbox must be absolute: ${path}`,
        "path",
      );
    }
    if (path === "/") {
      throw new InvalidArgumentError(
        "binding / into the sandbox would expose the whole host",
        "path",
      );
    }
  }
  const port = request.exposePort;
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    throw new InvalidArgumentError(
      `exposePort must be a TCP port (1-65535), not ${port}`,
      "exposePort",
    );
  }
  for (const [name, value] of Object.entries(request.limits ?? {})) {
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
      throw new InvalidArgumentError(
        `the sandbox limit ${name} must be a positive integer, not ${value}`,
        name,
      );
    }
  }
  for (const name of Object.keys(request.env)) {
    if (name === "" || name.includes("=") || name.includes("\0")) {
      throw new InvalidArgumentError(
        `not a valid environment variable name: ${JSON.stringify(name)}`,
        "env",
      );
    }
  }
}
