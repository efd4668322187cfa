/**
 * Finding a program the way a shell would, but in the environment the agent will get rather than this
 * process's: a name is looked up on that PATH, a path (with a slash) is taken as it is.
 */
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";

/** The absolute path of an executable file, or undefined when there is none. */
export function findExecutable(
  command: string,
  environment: Readonly<Record<string, string | undefined>>,
  workingDirectory: string = process.cwd(),
): string | undefined {
  if (command === "") return undefined;
  if (command.includes("/")) {
    const path = isAbsolute(command) ? command : resolve(workingDirectory, command);
    return isExecutableFile(path) ? path : undefined;
  }
  for (const folder of (environment.PATH ?? "").split(delimiter)) {
    if (folder === "") continue;
    const path = resolve(workingDirectory, join(folder, command));
    if (isExecutableFile(path)) return path;
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
