/** The summary of one stored suite version for a terminal: what it is, where, and how it was made. */

import type { Suite } from "../../../contracts/scenario.js";
import { scenarioCategories } from "../../../contracts/scenario-category.js";
import type { StoredVersion } from "../../../scenarios/store/suite-store.js";
import { shortTime } from "./store-options.js";

export function renderSuiteSummary(stored: StoredVersion, suite: Suite): string {
  const { header } = suite;
  const state = [stored.current ? "current" : "not current", ...(stored.frozen ? ["frozen"] : [])];
  const counts = scenarioCategories
    .map((category) => `${stored.counts[category]} ${category}`)
    .join(", ");
  const lines = [
    `${stored.name}@${stored.version} (${state.join(", ")})`,
    `  target: ${header.target}`,
    ...(header.description ? [`  description: ${header.description}`] : []),
    `  file: ${stored.file}`,
    `  created: ${shortTime(stored.createdAt)}${stored.parent ? `, extends ${stored.parent}` : ""}`,
    `  scenarios: ${stored.scenarioCount} (${counts})`,
    `  defaults: timeout ${header.defaults.timeoutMs} ms, repeat ${header.defaults.repeat}`,
  ];
  const generated = header.generated;
  if (generated) {
    const requested = scenarioCategories
      .map((category) => String(generated.counts[category]))
      .join("/");
    lines.push(
      `  generated from: spec ${generated.spec.name} (sha256 ${generated.spec.hash.slice(0, 12)}), seed ${generated.seed}, requested ${requested}`,
      `  generators: ${generated.generators.join(", ")}`,
    );
    const llm = generated.llm;
    if (llm) {
      lines.push(
        `  model scenarios: proposed ${llm.proposed}, accepted ${llm.accepted}, repaired ${llm.repaired}, dropped ${llm.dropped}`,
      );
    }
  } else {
    lines.push("  generated from: (written by hand or imported; no provenance)");
  }
  return `${lines.join("\n")}\n`;
}
