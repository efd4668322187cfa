/**
 * How a stored suite is named on the command line: `NAME` (its current version) or `NAME@VERSION`, where
 * the version may be shortened to a unique prefix of at least four characters.
 */
import { ShopfloorError } from "../../contracts/errors.js";

export interface SuiteReference {
  name: string;
  versionPrefix?: string;
}

/** A suite name is a folder name in the store: the same rule as a spec's name. */
export const suiteNamePattern = /^[a-z][a-z0-9-]*$/;
export const shortestVersionPrefix = 4;
const versionPattern = /^[0-9a-f]+$/;

export function parseSuiteReference(reference: string): SuiteReference {
  const at = reference.indexOf("@");
  const name = at === -1 ? reference : reference.slice(0, at);
  checkSuiteName(name);
  if (at === -1) return { name };
  const versionPrefix = reference.slice(at + 1);
  if (!versionPattern.test(versionPrefix) || versionPrefix.length < shortestVersionPrefix) {
    throw new ShopfloorError(
      "invalid-argument",
      `"${reference}": a version is at least ${shortestVersionPrefix} hexadecimal characters, e.g. ${name}@3f2a9c1b07de`,
      { field: "reference" },
    );
  }
  return { name, versionPrefix };
}

export function checkSuiteName(name: string): void {
  if (suiteNamePattern.test(name)) return;
  throw new ShopfloorError(
    "invalid-argument",
    `"${name}" is not a suite name: lower-case letters, digits and '-', starting with a letter`,
    { field: "name" },
  );
}
