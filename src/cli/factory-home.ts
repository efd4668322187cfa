/**
 * Where the factory keeps what outlives a command: the holdout suites, later the store and artifacts.
 * `--home DIR` when given, else $SHOPFLOOR_HOME, else `.shopfloor` in the working directory. It is never
 * an agent's workspace: the suites in it are the holdout the agents must not see.
 */
import { resolve } from "node:path";
import type { CliIo } from "./cli-io.js";

export const homeEnvironmentVariable = "SHOPFLOOR_HOME";

export function factoryHome(io: CliIo, explicitHome: string | undefined): string {
  const chosen = explicitHome ?? io.environment[homeEnvironmentVariable] ?? ".shopfloor";
  return resolve(io.workingDirectory, chosen);
}
