/**
 * The scenarios one monitor cycle replays against a live release: a seeded sample, without replacement,
 * of the holdout suite's scenarios of the chosen categories (normal by default: production is probed
 * with ordinary use, not attacks), optionally only among those the build passed in its trials. The
 * monitor seeds it with the cycle number, so a cycle can be replayed and successive cycles vary.
 */
import type { Scenario, Suite } from "../contracts/scenario.js";
import type { ScenarioCategory } from "../contracts/scenario-category.js";
import { requireInteger } from "../stats/arguments.js";
import { spreadSeedRandom } from "../stats/random.js";

export interface SampleOptions {
  /** Categories to draw from; default `["normal"]`. */
  categories?: readonly ScenarioCategory[];
  /** When given, only these scenario ids are drawn (e.g. the ones the build passed in its trials). */
  only?: ReadonlySet<string>;
}

/** Up to `count` distinct scenarios, in the order drawn; all of the eligible ones when fewer. */
export function sampleScenarios(
  suite: Suite,
  count: number,
  seed: number,
  options: SampleOptions = {},
): Scenario[] {
  requireInteger(count, "count", 0);
  const random = spreadSeedRandom(seed);
  const categories = new Set(options.categories ?? ["normal"]);
  const eligible = suite.scenarios.filter(
    (scenario) =>
      categories.has(scenario.category) &&
      (options.only === undefined || options.only.has(scenario.id)),
  );
  // A partial Fisher–Yates shuffle: the first `drawn` places end up a uniform sample in random order.
  const drawn = Math.min(count, eligible.length);
  for (let place = 0; place < drawn; place++) {
    const pick = place + Math.floor(random() * (eligible.length - place));
    const chosen = eligible[pick] as Scenario;
    eligible[pick] = eligible[place] as Scenario;
    eligible[place] = chosen;
  }
  return eligible.slice(0, drawn);
}
