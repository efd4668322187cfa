/**
 * `expression: status == 201 and body.items.length > 0` — a filtrex expression over the step's view.
 * When it is false the message shows the value of each name it read, which is usually the whole story.
 */

import type { Observation } from "../../contracts/observation.js";
import { compileViewExpression } from "../../scenarios/expression.js";
import { observationView } from "../../scenarios/observation-view.js";
import { preview } from "../../scenarios/preview.js";

const shownNames = 5;

export function checkExpression(text: string, observation: Observation): string | undefined {
  const compiled = compileViewExpression(text);
  if (!compiled.ok) return compiled.error;
  const outcome = compiled.value(observationView(observation));
  if (!outcome.ok) return `expression "${text}" could not be evaluated: ${outcome.error}`;
  if (outcome.value) return undefined;
  const names = [...outcome.names]
    .slice(0, shownNames)
    .map(([name, value]) => `${name} = ${preview(value, 40)}`);
  return `expression "${text}" was false${names.length > 0 ? ` (${names.join(", ")})` : ""}`;
}
