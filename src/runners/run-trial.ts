/**
 * One trial of one scenario: render each step with the variables so far, run it, check its assertions
 * (and, for edge and malicious scenarios, the robustness checks), capture values for later steps. The
 * first failing step ends the trial: later steps depend on it.
 */

import type { Observation } from "../contracts/observation.js";
import type { Scenario, Step } from "../contracts/scenario.js";
import type { TrialResult } from "../contracts/trial-result.js";
import { captureValues, renderTemplate, trialVariables } from "../scenarios/template.js";
import type { ResponseJudge } from "./assertions/assertion-context.js";
import { checkAssertions } from "./assertions/index.js";
import { robustnessFailures, sentText } from "./assertions/robustness.js";
import type { StepRunner } from "./step-runner.js";
import { errorText, stepFailureMessage } from "./trial-failure.js";

export interface TrialRequest {
  scenario: Scenario;
  attempt: number;
  /** Unique per trial, for values that must not collide across repeats and parallel trials. */
  unique: string;
  suiteFolder: string;
  /** Judges `llmJudge` assertions; without one they fail, saying how to configure a model. */
  judge?: ResponseJudge;
}

export async function runTrial(
  request: TrialRequest,
  runner: StepRunner,
  signal: AbortSignal,
  now: () => number,
): Promise<TrialResult> {
  const { scenario, attempt } = request;
  const started = now();
  const variables = trialVariables({ scenarioId: scenario.id, attempt, unique: request.unique });
  const result = (error?: string): TrialResult => ({
    scenario: scenario.id,
    category: scenario.category,
    pass: error === undefined,
    durationMs: Math.max(now() - started, 0),
    attempt,
    ...(error === undefined ? {} : { error }),
  });
  const checkRobustness = scenario.robustness ?? scenario.category !== "normal";
  const assertionContext = {
    suiteFolder: request.suiteFolder,
    ...(request.judge === undefined ? {} : { judge: request.judge }),
  };

  let sentEarlier = "";
  for (const [index, template] of scenario.steps.entries()) {
    const stepNumber = index + 1;
    let step: Step;
    try {
      step = renderTemplate(template, variables) as Step;
    } catch (error) {
      return result(stepFailureMessage(stepNumber, runner.describe(template), [errorText(error)]));
    }
    const description = runner.describe(step);
    let observation: Observation;
    try {
      observation = await runner.run(step, signal);
    } catch (error) {
      return result(stepFailureMessage(stepNumber, description, [errorText(error)]));
    }
    const failures = [
      ...unexpectedThrow(step, observation),
      ...(await checkAssertions(step.expect, observation, assertionContext, signal)),
      ...(checkRobustness ? robustnessFailures(observation, { sentEarlier }) : []),
    ];
    if (failures.length > 0) return result(stepFailureMessage(stepNumber, description, failures));
    sentEarlier += `${sentText(observation)}\n`;
    if (step.capture) {
      const captured = captureValues(step.capture, observation);
      if (captured.failures.length > 0)
        return result(stepFailureMessage(stepNumber, description, captured.failures));
      Object.assign(variables, captured.values);
    }
  }
  return result();
}

/** A function that throws when no `throws` assertion expects it has failed, whatever else is asserted. */
function unexpectedThrow(step: Step, observation: Observation): string[] {
  if (observation.kind !== "function" || observation.threw === undefined) return [];
  if (step.expect.some((assertion) => "throws" in assertion)) return [];
  return [`threw ${observation.threw.name}: ${observation.threw.message}`];
}
