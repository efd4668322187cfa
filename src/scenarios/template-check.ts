/**
 * Templates checked at load time: each placeholder of a step must name a built-in variable (`scenario`,
 * `trial`) or a capture of an earlier step of the same scenario, so a typo is found before a trial runs.
 */
import type { z } from "zod";
import type { Scenario } from "../contracts/scenario.js";
import { findPlaceholders } from "./template.js";
import { parsePath } from "./value-path.js";

const builtInVariables = ["scenario", "trial"];

export function checkTemplates(scenario: Scenario, context: z.RefinementCtx): void {
  const capturedBy = new Map<string, number>();
  for (const [index, step] of scenario.steps.entries()) {
    for (const [name] of Object.entries(step.capture ?? {})) {
      if (!capturedBy.has(name)) capturedBy.set(name, index);
    }
  }
  const available = [...builtInVariables];
  for (const [index, step] of scenario.steps.entries()) {
    for (const location of findPlaceholders(step)) {
      const problem = placeholderProblem(location.path, available, capturedBy, index);
      if (problem === undefined) continue;
      context.addIssue({
        code: "custom",
        path: ["steps", index, ...location.at],
        message: `template "${location.placeholder}": ${problem}`,
      });
    }
    available.push(...Object.keys(step.capture ?? {}));
  }
}

function placeholderProblem(
  path: string,
  available: readonly string[],
  capturedBy: ReadonlyMap<string, number>,
  stepIndex: number,
): string | undefined {
  const literalHint = 'write \\{{ for a literal "{{"';
  if (path === "") return `the placeholder is empty; ${literalHint}`;
  let root: string | number | undefined;
  try {
    [root] = parsePath(path);
  } catch (error) {
    return `${error instanceof Error ? error.message : String(error)}; ${literalHint}`;
  }
  const name = String(root);
  if (available.includes(name)) return undefined;
  const capturingStep = capturedBy.get(name);
  if (capturingStep !== undefined) {
    return `"${name}" is captured by step ${capturingStep + 1}, so step ${stepIndex + 1} cannot use it yet`;
  }
  const hint = /^[A-Za-z_]\w*$/.test(name) ? "" : `; ${literalHint}`;
  return `no variable "${name}"; the variables here are ${available.join(", ")}${hint}`;
}
