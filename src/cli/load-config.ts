/**
 * Finding and reading the config: `--config PATH` when given, else the first of shopfloor.config.yaml,
 * .yml or .json in the working directory, else `config.yaml` in the factory home (what `shopfloor init`
 * writes), else the defaults.
 */
import { dirname, join, resolve } from "node:path";
import { type Config, defaultConfig, homeConfigFileName, parseConfig } from "../contracts/index.js";
import type { CliIo } from "./cli-io.js";
import { factoryHome } from "./factory-home.js";

export const configFileNames = [
  "shopfloor.config.yaml",
  "shopfloor.config.yml",
  "shopfloor.config.json",
];

export interface FoundConfig {
  config: Config;
  /** The file it was read from, absolute; absent when the defaults apply. */
  path?: string;
  /** What relative paths in the config are relative to: the file's folder, else the working directory. */
  folder: string;
}

/** The config and where it came from; `explicitHome` is the `--home` option, if any. */
export async function findConfig(
  io: CliIo,
  explicitPath: string | undefined,
  explicitHome?: string,
): Promise<FoundConfig> {
  if (explicitPath !== undefined) {
    const config = parseConfig(await io.readText(explicitPath), explicitPath);
    return found(config, resolve(io.workingDirectory, explicitPath));
  }
  for (const name of configFileNames) {
    const path = join(io.workingDirectory, name);
    if (await io.exists(path)) return found(parseConfig(await io.readText(path), name), path);
  }
  const homePath = join(factoryHome(io, explicitHome), homeConfigFileName);
  if (await io.exists(homePath)) {
    return found(parseConfig(await io.readText(homePath), homePath), homePath);
  }
  return { config: defaultConfig, folder: io.workingDirectory };
}

export async function loadConfig(
  io: CliIo,
  explicitPath: string | undefined,
  explicitHome?: string,
): Promise<Config> {
  return (await findConfig(io, explicitPath, explicitHome)).config;
}

function found(config: Config, path: string): FoundConfig {
  return { config, path, folder: dirname(path) };
}
