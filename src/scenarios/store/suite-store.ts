/**
 * The holdout suite store: generated suites kept under the factory home (`<home>/suites/<name>/`), never
 * in an agent's workspace, each version in its own folder named by its content hash and never modified.
 * `index.json` says which version is current and whether it is frozen there. The folders are private to
 * the factory's user (0700), so sandboxed code running as another user cannot read the holdout.
 */
import { chmod, mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { ShopfloorError } from "../../contracts/errors.js";
import type { Scenario, Suite } from "../../contracts/scenario.js";
import { type ScenarioCategory, scenarioCategories } from "../../contracts/scenario-category.js";
import { loadSuite } from "../load-suite.js";
import { privateFolderMode, sealedFileMode, writeFileAtomically } from "./atomic-file.js";
import { withLock } from "./store-lock.js";
import { diffScenarios, type SuiteDiff } from "./suite-diff.js";
import {
  type IndexedVersion,
  readSuiteIndex,
  type SuiteIndex,
  writeSuiteIndex,
} from "./suite-index.js";
import { listSuiteNames, missingSuiteMessage, pickVersion } from "./suite-lookup.js";
import { checkSuiteName, parseSuiteReference } from "./suite-reference.js";
import type { SuiteToWrite } from "./suite-yaml.js";
import { versionSuite } from "./versioned-suite.js";

export type { SuiteDiff } from "./suite-diff.js";

export interface StoredVersion {
  name: string;
  version: string;
  createdAt: string;
  parent?: string;
  spec?: { name: string; hash: string };
  counts: Record<ScenarioCategory, number>;
  scenarioCount: number;
  current: boolean;
  frozen: boolean;
  /** The stored suite.yaml, absolute. */
  file: string;
}

export interface SuiteStoreOptions {
  home: string;
  now(): Date;
}

const suiteFileName = "suite.yaml";

export class SuiteStore {
  /** `<home>/suites`: every stored suite is a folder in it. */
  readonly folder: string;
  readonly #now: () => Date;

  constructor(options: SuiteStoreOptions) {
    this.folder = join(options.home, "suites");
    this.#now = options.now;
  }

  async save(
    suite: SuiteToWrite,
    options: { parent?: string } = {},
  ): Promise<StoredVersion & { created: boolean }> {
    checkSuiteName(suite.header.name);
    const versioned = versionSuite(suite);
    const name = versioned.header.name;
    await this.#makeFolders(name);
    return this.#locked(name, async (index) => {
      if (index?.frozen && index.current !== versioned.version) {
        throw new ShopfloorError(
          "invalid-input",
          `suite ${name} is frozen at ${index.current}; use \`shopfloor scenarios unfreeze ${name}\` first`,
          { field: "name" },
        );
      }
      const parent =
        options.parent === undefined
          ? undefined
          : pickVersion(index, name, options.parent, this.folder).version;
      const existing = index?.versions.find((entry) => entry.version === versioned.version);
      const entry = existing ?? {
        version: versioned.version,
        createdAt: this.#now().toISOString(),
        ...(parent === undefined ? {} : { parent }),
        ...(versioned.header.generated ? { spec: versioned.header.generated.spec } : {}),
        counts: countCategories(versioned.scenarios),
        scenarioCount: versioned.scenarios.length,
      };
      if (existing === undefined) {
        await this.#writeSuiteFile(name, versioned.version, versioned.text);
      }
      const updated: SuiteIndex = {
        name,
        current: versioned.version,
        frozen: index?.frozen ?? false,
        versions: existing ? (index?.versions ?? [entry]) : [...(index?.versions ?? []), entry],
      };
      return { updated, result: { ...this.#stored(updated, entry), created: !existing } };
    });
  }

  /** Newest first; every suite, by name, when no name is given. */
  async list(name?: string): Promise<StoredVersion[]> {
    const names = name === undefined ? await listSuiteNames(this.folder) : [name];
    const stored: StoredVersion[] = [];
    for (const suiteName of names) {
      const index = await this.#index(suiteName);
      stored.push(...[...index.versions].reverse().map((entry) => this.#stored(index, entry)));
    }
    return stored;
  }

  /** `name` is its current version; `name@3f2a` the version with that unique prefix. */
  async resolve(reference: string): Promise<StoredVersion> {
    const { name, versionPrefix } = parseSuiteReference(reference);
    const index = await this.#index(name);
    return this.#stored(
      index,
      pickVersion(index, name, versionPrefix ?? index.current, this.folder),
    );
  }

  async load(reference: string): Promise<Suite> {
    return loadSuite((await this.resolve(reference)).file);
  }

  /** Makes that version current and frozen: later saves are refused until it is unfrozen. */
  async freeze(reference: string): Promise<StoredVersion> {
    const { name, version } = await this.resolve(reference);
    return this.#locked(name, async (index) => {
      const existing = requireIndex(index, name, this.folder);
      const updated = { ...existing, current: version, frozen: true };
      return { updated, result: this.#stored(updated, pickVersion(updated, name, version)) };
    });
  }

  async unfreeze(name: string): Promise<StoredVersion> {
    // Not found, naming the suites there are, before a lock in a folder that does not exist.
    await this.#index(name);
    return this.#locked(name, async (index) => {
      const existing = requireIndex(index, name, this.folder);
      const updated = { ...existing, frozen: false };
      return {
        updated,
        result: this.#stored(updated, pickVersion(updated, name, updated.current)),
      };
    });
  }

  async diff(from: string, to: string): Promise<SuiteDiff> {
    const [before, after] = await Promise.all([this.resolve(from), this.resolve(to)]);
    const [beforeSuite, afterSuite] = await Promise.all([
      loadSuite(before.file),
      loadSuite(after.file),
    ]);
    return diffScenarios(
      { reference: `${before.name}@${before.version}`, scenarios: beforeSuite.scenarios },
      { reference: `${after.name}@${after.version}`, scenarios: afterSuite.scenarios },
    );
  }

  async #index(name: string): Promise<SuiteIndex> {
    checkSuiteName(name);
    const index = await readSuiteIndex(join(this.folder, name, "index.json"));
    return requireIndex(index, name, this.folder, await listSuiteNames(this.folder));
  }

  /** Runs a change of one suite's index under its lock, and writes the index it returns. */
  async #locked<T>(
    name: string,
    change: (index: SuiteIndex | undefined) => Promise<{ updated: SuiteIndex; result: T }>,
  ): Promise<T> {
    const indexFile = join(this.folder, name, "index.json");
    return withLock(join(this.folder, name, ".lock"), { now: this.#now }, async () => {
      const { updated, result } = await change(await readSuiteIndex(indexFile));
      await writeSuiteIndex(indexFile, updated);
      return result;
    });
  }

  async #makeFolders(name: string): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: privateFolderMode });
    // mkdir leaves an existing folder as it was; the holdout must not stay readable by others.
    if (((await stat(this.folder)).mode & 0o077) !== 0) await chmod(this.folder, privateFolderMode);
    await mkdir(join(this.folder, name), { recursive: true, mode: privateFolderMode });
  }

  async #writeSuiteFile(name: string, version: string, text: string): Promise<void> {
    const folder = join(this.folder, name, version);
    await mkdir(folder, { recursive: true, mode: privateFolderMode });
    const file = join(folder, suiteFileName);
    // A version that was written before an index update was lost holds the same content already.
    const written = await stat(file).then(
      () => true,
      () => false,
    );
    if (!written) await writeFileAtomically(file, text, sealedFileMode);
  }

  #stored(index: SuiteIndex, entry: IndexedVersion): StoredVersion {
    const current = index.current === entry.version;
    return {
      name: index.name,
      ...entry,
      current,
      frozen: current && index.frozen,
      file: join(this.folder, index.name, entry.version, suiteFileName),
    };
  }
}

function requireIndex(
  index: SuiteIndex | undefined,
  name: string,
  folder: string,
  names: readonly string[] = [],
): SuiteIndex {
  if (index) return index;
  throw new ShopfloorError("not-found", missingSuiteMessage(name, folder, names), { field: name });
}

function countCategories(scenarios: readonly Scenario[]): Record<ScenarioCategory, number> {
  const counts = Object.fromEntries(scenarioCategories.map((category) => [category, 0])) as Record<
    ScenarioCategory,
    number
  >;
  for (const scenario of scenarios) counts[scenario.category] += 1;
  return counts;
}
