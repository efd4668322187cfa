/**
 * The versions of a holdout suite as `shopfloor scenarios freeze/unfreeze/diff` handle them: a version
 * frozen (current, and no new one stored until it is unfrozen: the gate runs against it), the suite
 * unfrozen, two versions compared scenario by scenario. The store names what it cannot find by the
 * suite's name or `NAME@PREFIX`; the API names the request's field instead.
 */
import { ShopfloorError } from "../../../contracts/errors.js";
import {
  type StoredVersion,
  type SuiteDiff,
  SuiteStore,
} from "../../../scenarios/store/suite-store.js";
import type { ConsoleServices } from "../../console-services.js";

type SuiteServices = Pick<ConsoleServices, "line" | "now">;

function suiteStore(services: SuiteServices): SuiteStore {
  return new SuiteStore({ home: services.line().home, now: services.now });
}

/** `scenarios freeze NAME[@VERSION]`: that version (default the current) becomes current and frozen. */
export async function freezeSuite(
  services: SuiteServices,
  name: string,
  version: string | undefined,
): Promise<StoredVersion> {
  const reference = version === undefined ? name : `${name}@${version}`;
  return suiteStore(services)
    .freeze(reference)
    .catch((error: unknown) => {
      throw inRequestTerms(error, name, { suite: "", version });
    });
}

/** `scenarios unfreeze NAME`: the current version stays current, and new versions are taken again. */
export async function unfreezeSuite(services: SuiteServices, name: string): Promise<StoredVersion> {
  return suiteStore(services)
    .unfreeze(name)
    .catch((error: unknown) => {
      throw inRequestTerms(error, name, { suite: "" });
    });
}

/**
 * `scenarios diff` of two versions of one suite: `to` (default the current) against `from` (default
 * the version `to` extends, so that a bare diff shows what the last extension added).
 */
export async function suiteDiff(
  services: SuiteServices,
  name: string,
  versions: { from?: string; to?: string },
): Promise<SuiteDiff> {
  const store = suiteStore(services);
  try {
    const to = await store.resolve(versions.to === undefined ? name : `${name}@${versions.to}`);
    const from = versions.from ?? to.parent;
    if (from === undefined) {
      throw new ShopfloorError(
        "invalid-argument",
        `${name}@${to.version} extends no earlier version: say which to compare it with, ?from=VERSION (GET /api/suites?name=${name} lists the versions)`,
        { field: "from" },
      );
    }
    return await store.diff(`${name}@${from}`, `${name}@${to.version}`);
  } catch (error) {
    throw inRequestTerms(error, name, { suite: "", from: versions.from, to: versions.to });
  }
}

/**
 * A not-found of the store about the suite `name`, with the request field that carried it: `fields`
 * maps each field to the version prefix it carried, `""` for the field that carried the name (which
 * also answers for a version no field carried).
 */
export function inRequestTerms(
  error: unknown,
  name: string,
  fields: Record<string, string | undefined>,
): unknown {
  if (!(error instanceof ShopfloorError) || error.code !== "not-found") return error;
  const versionPrefix = error.field?.startsWith(`${name}@`)
    ? error.field.slice(name.length + 1)
    : undefined;
  if (error.field !== name && versionPrefix === undefined) return error;
  const entries = Object.entries(fields);
  const byVersion =
    versionPrefix === undefined
      ? undefined
      : entries.find(([, carried]) => carried === versionPrefix)?.[0];
  const field = byVersion ?? entries.find(([, carried]) => carried === "")?.[0];
  if (field === undefined) return error;
  return new ShopfloorError(error.code, error.message, { field, cause: error });
}
