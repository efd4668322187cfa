/**
 * Finding suites and versions in the store, with messages that list what does exist when a name or a
 * version prefix matches nothing or more than one thing.
 */
import { readdir } from "node:fs/promises";
import { ShopfloorError } from "../../contracts/errors.js";
import type { Scenario } from "../../contracts/scenario.js";
import type { IndexedVersion, SuiteIndex } from "./suite-index.js";
import { suiteNamePattern } from "./suite-reference.js";

/** The suites in the store's folder, by name; none when the folder does not exist yet. */
export async function listSuiteNames(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() && suiteNamePattern.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new ShopfloorError("io-error", `cannot read ${folder}: ${String(error)}`, {
      path: folder,
      cause: error,
    });
  }
}

export function missingSuiteMessage(
  name: string,
  folder: string,
  names: readonly string[],
): string {
  const others = names.filter((other) => other !== name);
  const existing =
    others.length === 0
      ? "there are none yet: `shopfloor scenarios generate SPEC` stores one"
      : `the suites are: ${others.join(", ")}`;
  return `no suite named "${name}" in ${folder}; ${existing}`;
}

/** The version of the index that starts with the prefix; not-found when none or several do. */
export function pickVersion(
  index: SuiteIndex | undefined,
  name: string,
  prefix: string,
  folder = "the store",
): IndexedVersion {
  if (index === undefined) {
    throw new ShopfloorError("not-found", missingSuiteMessage(name, folder, []), { field: name });
  }
  const matches = index.versions.filter((entry) => entry.version.startsWith(prefix));
  const [match] = matches;
  if (match !== undefined && matches.length === 1) return match;
  const described = (entries: readonly IndexedVersion[]) =>
    [...entries]
      .reverse()
      .map((entry) =>
        entry.version === index.current ? `${entry.version} (current)` : entry.version,
      )
      .join(", ");
  const message =
    match === undefined
      ? `suite ${name} has no version starting with "${prefix}"; its versions are: ${described(index.versions)}`
      : `"${name}@${prefix}" is ambiguous: it matches ${described(matches)}; give more characters`;
  throw new ShopfloorError("not-found", message, { field: `${name}@${prefix}` });
}

/** A version's scenario by id; not-found names the ids that come close. */
export function findScenario(
  scenarios: readonly Scenario[],
  id: string,
  version: { name: string; version: string },
): Scenario {
  const scenario = scenarios.find((candidate) => candidate.id === id);
  if (scenario !== undefined) return scenario;
  const near = scenarios
    .map((candidate) => candidate.id)
    .filter((candidate) => candidate.includes(id) || id.includes(candidate))
    .slice(0, 5);
  const hint = near.length > 0 ? `; did you mean ${near.join(", ")}?` : "";
  throw new ShopfloorError(
    "not-found",
    `${version.name}@${version.version} has no scenario "${id}" (it has ${scenarios.length})${hint}`,
    { field: "scenario" },
  );
}
