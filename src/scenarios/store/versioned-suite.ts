/**
 * A suite made ready for the store: validated and normalised exactly as `loadSuite` would read it, its
 * version the first 12 hex digits of the SHA-256 of its YAML written without a version, and the YAML
 * that will be stored. The same content always gets the same version, whatever version it came with.
 */
import { createHash } from "node:crypto";
import type { Scenario, SuiteHeader } from "../../contracts/scenario.js";
import { readSuiteText } from "./read-suite-text.js";
import { type SuiteToWrite, suiteToYaml } from "./suite-yaml.js";

export interface VersionedSuite {
  version: string;
  header: SuiteHeader;
  scenarios: Scenario[];
  /** The YAML to store, version included. */
  text: string;
}

export const versionLength = 12;
// readSuiteText needs a version to validate the header; it is dropped again before hashing.
const placeholderVersion = "0";

export function versionSuite(suite: SuiteToWrite): VersionedSuite {
  const shownAs = `suite "${suite.header.name}"`;
  const draft = {
    header: { ...suite.header, version: placeholderVersion },
    scenarios: suite.scenarios,
  };
  const normalised = readSuiteText(suiteToYaml(draft), shownAs);
  const { version: _, ...unversioned } = normalised.header;
  const hashed = suiteToYaml({ header: unversioned, scenarios: normalised.scenarios });
  const version = createHash("sha256").update(hashed).digest("hex").slice(0, versionLength);
  const header: SuiteHeader = { ...normalised.header, version };
  return {
    version,
    header,
    scenarios: normalised.scenarios,
    text: suiteToYaml({ header, scenarios: normalised.scenarios }),
  };
}
