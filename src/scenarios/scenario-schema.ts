/**
 * The schema of a scenario in a suite of one target kind. Steps are checked against the kind's step
 * schema, not the union of all three, so a message says what is wrong with this step rather than why it
 * is none of three things. Beyond shapes: a cli step must have a command to run, a function step a module
 * to call, captures must read names the kind's view has, and templates may only use the variables that
 * exist at that step.
 */
import { z } from "zod";
import {
  CliStep,
  FunctionStep,
  HttpStep,
  Scenario,
  type Step,
  type SuiteHeader,
  type TargetKind,
} from "../contracts/scenario.js";
import { assertionSchemaFor } from "./assertion-schema.js";
import { parseViewPath, viewNames } from "./observation-view.js";
import { wrongStepReason } from "./step-shape.js";
import { checkTemplates } from "./template-check.js";

export function scenarioSchemaFor(header: SuiteHeader) {
  const step = z
    .unknown()
    .superRefine((value, context) => {
      const reason = wrongStepReason(header.target, value);
      if (reason) context.addIssue({ code: "custom", message: reason });
    })
    .pipe(stepSchemaFor(header));
  return Scenario.extend({
    steps: z.array(step).min(1, "a scenario has at least one step"),
  }).superRefine(checkTemplates);
}

function stepSchemaFor(header: SuiteHeader) {
  const expect = z.array(assertionSchemaFor(header.target)).default([]);
  const checks = (step: Step, context: z.RefinementCtx) => checkStep(step, header, context);
  switch (header.target) {
    case "http":
      return HttpStep.extend({ expect }).superRefine(checks);
    case "cli":
      return CliStep.extend({ expect }).superRefine(checks);
    case "function":
      return FunctionStep.extend({ expect }).superRefine(checks);
  }
}

function checkStep(step: Step, header: SuiteHeader, context: z.RefinementCtx): void {
  const { defaults, target } = header;
  if ("run" in step && step.run.command === undefined && defaults.command === undefined) {
    context.addIssue({
      code: "custom",
      path: ["run"],
      message:
        'no command to run: give this step run.command, or the suite defaults.command (e.g. ["node", "cli.js"])',
    });
  }
  if ("call" in step && step.call.module === undefined && defaults.module === undefined) {
    context.addIssue({
      code: "custom",
      path: ["call"],
      message: "no module to call: give this step call.module, or the suite defaults.module",
    });
  }
  for (const [name, path] of Object.entries(step.capture ?? {})) {
    const problem = capturePathProblem(target, path);
    if (problem) context.addIssue({ code: "custom", path: ["capture", name], message: problem });
  }
}

function capturePathProblem(kind: TargetKind, path: string): string | undefined {
  let root: string | number | undefined;
  try {
    [root] = parseViewPath(path);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const names = viewNames[kind];
  if (typeof root === "string" && names.includes(root)) return undefined;
  return `a ${kind} step's captures read one of ${names.join(", ")} (e.g. ${names[0]}), not "${String(root)}"`;
}
