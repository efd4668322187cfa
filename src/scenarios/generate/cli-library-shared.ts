/**
 * What the cli and library generators share: ids built from safe parts, de-duplication, and the model's own worked
 * examples turned into scenarios as written.
 */
import type { z } from "zod";
import type { Scenario, Step } from "../../contracts/scenario.js";
import type { ModelExample } from "../../contracts/spec.js";

/** A part of a scenario id: letters, digits, '.', '-' and '_' only (`[\w.-]`), never empty. */
export function idPart(text: string): string {
  const safe = text.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "");
  return safe === "" ? "x" : safe;
}

/**
 * Scenarios whose steps repeat an earlier scenario's are dropped (the earlier one is the more valuable);
 * an id that repeats gets a numeric suffix, so every id in the list is unique.
 */
export function distinctScenarios(scenarios: readonly Scenario[]): Scenario[] {
  const seenSteps = new Set<string>();
  const seenIds = new Set<string>();
  const kept: Scenario[] = [];
  for (const scenario of scenarios) {
    const steps = JSON.stringify(scenario.steps);
    if (seenSteps.has(steps)) continue;
    seenSteps.add(steps);
    let id = scenario.id;
    for (let suffix = 2; seenIds.has(id); suffix += 1) id = `${scenario.id}-${suffix}`;
    seenIds.add(id);
    kept.push(id === scenario.id ? scenario : { ...scenario, id });
  }
  return kept;
}

/** `` `212` `` → `212`: the text of a code span in a spec, without the backticks around it. */
export function unquoteCode(text: string): string {
  const trimmed = text.trim();
  const quoted = /^(`+)([\s\S]*)\1$/.exec(trimmed);
  return quoted ? (quoted[2] ?? "").trim() : trimmed;
}

const namedControls: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Text for a title: one line, control characters escaped, cut to `limit` characters. */
export function titleText(text: string, limit = 60): string {
  const oneLine = text.replace(/[\p{Cc}\u2028\u2029]/gu, (control) => {
    const named = namedControls[control];
    return named ?? `\\u${(control.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`;
  });
  return oneLine.length <= limit ? oneLine : `${oneLine.slice(0, limit - 1)}…`;
}

/**
 * The model's worked examples as scenarios, steps as written (the author may use templates on purpose).
 * An example whose steps are not of the kind's shape becomes a note, never an invalid scenario.
 */
export function modelExampleScenarios(
  examples: readonly ModelExample[],
  stepSchema: z.ZodType<Step>,
  notes: string[],
): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const [index, example] of examples.entries()) {
    const steps: Step[] = [];
    for (const step of example.steps) {
      const parsed = stepSchema.safeParse(step);
      if (parsed.success) steps.push(parsed.data);
    }
    if (steps.length !== example.steps.length) {
      notes.push(
        `model example ${index + 1} ("${titleText(example.title)}") has a step that is not a valid step of this kind; it was left out`,
      );
      continue;
    }
    scenarios.push({
      id: `${example.category}/example-${index + 1}`,
      category: example.category,
      title: example.title,
      tags: ["source:example", ...example.criteria.map((criterion) => `criterion:${criterion}`)],
      ...(example.criteria.length > 0 ? { covers: [...example.criteria] } : {}),
      steps,
    });
  }
  return scenarios;
}
