/**
 * The holdout suites of the line's home as `shopfloor scenarios list/show` give them: the stored
 * versions, a version summed up (header, provenance, criteria coverage, each scenario in a line, not
 * its steps, which can run to megabytes), and one scenario whole.
 */

import type { Scenario } from "../../../contracts/scenario.js";
import { criteriaCoverage } from "../../../scenarios/criteria-coverage.js";
import { findScenario } from "../../../scenarios/store/suite-lookup.js";
import { type StoredVersion, SuiteStore } from "../../../scenarios/store/suite-store.js";
import type { ConsoleServices } from "../../console-services.js";
import type { SuiteAnswer } from "./factory-schemas.js";
import { inRequestTerms } from "./suite-versions.js";

type SuiteServices = Pick<ConsoleServices, "line" | "now">;

function suiteStore(services: SuiteServices): SuiteStore {
  return new SuiteStore({ home: services.line().home, now: services.now });
}

/** Newest first; one suite's versions when a name is given (not-found when it has none). */
export function storedSuites(services: SuiteServices, name?: string): Promise<StoredVersion[]> {
  return suiteStore(services)
    .list(name)
    .catch((error: unknown) => {
      throw name === undefined ? error : inRequestTerms(error, name, { name: "" });
    });
}

export async function suiteAnswer(
  services: SuiteServices,
  reference: string,
): Promise<SuiteAnswer> {
  const store = suiteStore(services);
  const stored = await resolveSuite(store, reference);
  const { header, scenarios } = await store.load(`${stored.name}@${stored.version}`);
  return {
    stored,
    header,
    coverage: criteriaCoverage(header.criteria ?? [], scenarios),
    scenarios: scenarios.map((scenario) => ({
      id: scenario.id,
      category: scenario.category,
      title: scenario.title,
      tags: scenario.tags,
      covers: scenario.covers ?? [],
      steps: scenario.steps.length,
      ...(scenario.repeat === undefined ? {} : { repeat: scenario.repeat }),
    })),
  };
}

export async function storedScenario(
  services: SuiteServices,
  reference: string,
  id: string,
): Promise<Scenario> {
  const store = suiteStore(services);
  const stored = await resolveSuite(store, reference);
  const { scenarios } = await store.load(`${stored.name}@${stored.version}`);
  return findScenario(scenarios, id, stored);
}

/** `NAME` or `NAME@VERSION` of the path; what is not found is the `suite` parameter's fault. */
function resolveSuite(store: SuiteStore, reference: string): Promise<StoredVersion> {
  const [name = reference] = reference.split("@");
  return store.resolve(reference).catch((error: unknown) => {
    throw inRequestTerms(error, name, { suite: "" });
  });
}
