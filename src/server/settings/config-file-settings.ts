/**
 * The settings a manager edits from the console, kept in the config file the console runs on: the file
 * `findConfig` read (a project's shopfloor.config.yaml|yml|json, or the home's config.yaml), or, when the
 * defaults applied, the home's config.yaml, created on the first change. Each change is made to the
 * file's current text (so edits made by hand meanwhile are kept, with their comments), checked as a whole
 * config with every profile resolved, written atomically, then put in force by `apply`. Changes are made
 * one at a time.
 */
import { randomBytes } from "node:crypto";
import { chmod, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type Config,
  defaultConfig,
  homeConfigFileName,
  type ProfileDefinition,
  parseConfig,
} from "../../contracts/config.js";
import { InvalidArgumentError, ShopfloorError } from "../../contracts/errors.js";
import type { LineUp } from "../../contracts/work-item.js";
import { builtInProfiles } from "../../gate/built-in-profiles.js";
import { resolveProfile } from "../../gate/resolve-profile.js";
import type { ConsoleSettings } from "../console-services.js";
import { type ConfigEdit, configFormatOf, editConfigText } from "./config-text-edit.js";

export interface ConfigFileSettingsOptions {
  /** The config the line runs on now, and the file it was read from (what `findConfig` found). */
  found: { config: Config; path?: string };
  /** The factory home, whose config.yaml receives the changes when no file was read. */
  home: string;
  /** Puts a saved config in force: the console reopens its line on it. */
  apply(config: Config): Promise<void>;
}

/** A new config file is private to the factory's owner, like the rest of the home. */
const newFileMode = 0o600;

export class ConfigFileSettings implements ConsoleSettings {
  readonly path: string;
  #config: Config;
  readonly #apply: (config: Config) => Promise<void>;
  /** The change being made; the next waits for it, whether it succeeded or not. */
  #pending: Promise<unknown> = Promise.resolve();

  constructor(options: ConfigFileSettingsOptions) {
    this.path = options.found.path ?? join(options.home, homeConfigFileName);
    this.#config = options.found.config;
    this.#apply = options.apply;
  }

  config(): Config {
    return this.#config;
  }

  saveProfile(name: string, definition: ProfileDefinition): Promise<Config> {
    return this.#change({
      kind: "save-profile",
      name,
      definition: withoutSelfExtension(name, definition),
    });
  }

  deleteProfile(name: string): Promise<Config> {
    return this.#change({ kind: "delete-profile", name });
  }

  setDefaultProfile(name: string): Promise<Config> {
    return this.#change({ kind: "set-default-profile", name });
  }

  saveLineUp(lineUp: LineUp | null): Promise<Config> {
    return this.#change({ kind: "set-line-up", lineUp });
  }

  #change(edit: ConfigEdit): Promise<Config> {
    const done = this.#pending.then(() => this.#make(edit));
    this.#pending = done.catch(() => undefined);
    return done;
  }

  async #make(edit: ConfigEdit): Promise<Config> {
    const before = await readIfPresent(this.path);
    if (edit.kind === "delete-profile") checkDeletion(edit.name, before, this.path);
    const text = editConfigText(before ?? "", configFormatOf(this.path), edit, this.path);
    const config = checkedConfig(text, this.path);
    await writeAtomically(this.path, text);
    try {
      await this.#apply(config);
    } catch (error) {
      // The line refused the config: the file goes back to what the line still runs on.
      if (before === undefined) await rm(this.path, { force: true });
      else await writeAtomically(this.path, before);
      throw error;
    }
    this.#config = config;
    return config;
  }
}

/**
 * A built-in's name saved with `extends` of that same name can only mean "the built-in with these
 * changes", which is what a config profile named like a built-in is without `extends`; said with it,
 * the gate would see a profile extending itself.
 */
export function withoutSelfExtension(
  name: string,
  definition: ProfileDefinition,
): ProfileDefinition {
  if (definition.extends !== name) return definition;
  if (!builtInProfiles.some((profile) => profile.name === name)) return definition;
  const { extends: _itself, ...changes } = definition;
  return changes;
}

/** The config the text gives, refused unless every profile in it, and the default one, resolve. */
export function checkedConfig(text: string, source: string): Config {
  const config = parseConfig(text, source);
  for (const name of Object.keys(config.profiles)) resolveProfile(name, config);
  resolveProfile(config.defaultProfile, config);
  return config;
}

function checkDeletion(name: string, text: string | undefined, source: string): void {
  const config = text === undefined ? defaultConfig : parseConfig(text, source);
  const builtIn = builtInProfiles.some((profile) => profile.name === name);
  if (config.profiles[name] === undefined) {
    if (builtIn) {
      throw new InvalidArgumentError(
        `"${name}" is a built-in profile and cannot be deleted; save it to change its values`,
        "name",
      );
    }
    throw new ShopfloorError("not-found", `${source} defines no profile named "${name}"`, {
      field: "name",
    });
  }
  if (!builtIn && config.defaultProfile === name) {
    throw new InvalidArgumentError(
      `"${name}" is the default profile; make another profile the default before deleting it`,
      "name",
    );
  }
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw ioError(`cannot read ${path}`, path, error);
  }
}

/** Written whole to a file beside it, then renamed over it: a crash leaves the old file or the new. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const mode = await modeOf(path);
  const staging = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(staging, text, { mode });
    await chmod(staging, mode);
    await rename(staging, path);
  } catch (error) {
    await rm(staging, { force: true });
    throw ioError(`cannot write ${path}`, path, error);
  }
}

async function modeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).mode & 0o777;
  } catch {
    return newFileMode;
  }
}

function ioError(message: string, path: string, cause: unknown): ShopfloorError {
  return new ShopfloorError("io-error", `${message}: ${String(cause)}`, { path, cause });
}
