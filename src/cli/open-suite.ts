/**
 * What `shopfloor test SUITE` runs: a suite file or folder on disk, or a suite in the factory's holdout
 * store named `NAME` (its current version) or `NAME@VERSION`.
 */
import { resolve } from "node:path";
import { ShopfloorError } from "../contracts/index.js";
import type { Suite } from "../contracts/scenario.js";
import { loadSuite } from "../scenarios/load-suite.js";
import { SuiteStore } from "../scenarios/store/suite-store.js";
import type { CliIo } from "./cli-io.js";

export interface OpenedSuite {
  suite: Suite;
  /** `name@version` when it came from the holdout store. */
  storedAs?: string;
}

const storedReference = /^[a-z][a-z0-9-]*(@[0-9a-f]+)?$/;

export async function openSuite(io: CliIo, argument: string, home: string): Promise<OpenedSuite> {
  const path = resolve(io.workingDirectory, argument);
  if ((await io.exists(path)) || !storedReference.test(argument)) {
    return { suite: await loadSuite(path, { workingDirectory: io.workingDirectory }) };
  }
  const store = new SuiteStore({ home, now: () => new Date() });
  try {
    const stored = await store.resolve(argument);
    return {
      suite: await store.load(`${stored.name}@${stored.version}`),
      storedAs: `${stored.name}@${stored.version}`,
    };
  } catch (error) {
    if (!(error instanceof ShopfloorError) || error.code !== "not-found") throw error;
    throw new ShopfloorError(
      "not-found",
      `"${argument}" is neither a suite file or folder nor a suite in the holdout store at ${home}: ${error.message}`,
      { path: argument, cause: error },
    );
  }
}
