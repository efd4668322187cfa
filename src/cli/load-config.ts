/**
 * Finding and reading the config: `--config PATH` when given, else the first of shopfloor.config.yaml,
 * .yml or .json in the working directory, else the defaults.
 */
import { join } from "node:path";
import { type Config, defaultConfig, parseConfig } from "../contracts/index.js";
import type { CliIo } from "./cli-io.js";

export const configFileNames = [
  "shopfloor.config.yaml",
  "shopfloor.config.yml",
  "shopfloor.config.json",
];

export async function loadConfig(io: CliIo, explicitPath: string | undefined): Promise<Config> {
  if (explicitPath !== undefined) return parseConfig(await io.readText(explicitPath), explicitPath);
  for (const name of configFileNames) {
    const path = join(io.workingDirectory, name);
    if (await io.exists(path)) return parseConfig(await io.readText(path), name);
  }
  return defaultConfig;
}
