/**
 * Checking a step's assertions against what it observed: one message per failed assertion, empty when
 * all passed. A failing assertion is a message, never an exception; so is an assertion that cannot be
 * checked (a pattern that does not compile, a predicate module that does not load, an assertion of
 * another kind of step). Messages are cut to a length a person reads. `llmJudge` assertions are checked
 * last, and only when every other assertion of the step passed.
 */

import type { Observation } from "../../contracts/observation.js";
import type { Assertion } from "../../contracts/scenario.js";
import { assertionName } from "../../scenarios/assertion-names.js";
import { errorText } from "../../scenarios/compiled.js";
import { truncate } from "../../scenarios/preview.js";
import type { AssertionContext } from "./assertion-context.js";
import { checkExitCode } from "./exit-code.js";
import { checkExpression } from "./expression.js";
import { checkHeader } from "./header.js";
import { checkJson } from "./json-equality.js";
import { checkJsonSchema } from "./json-schema.js";
import { checkLatency } from "./latency.js";
import { checkLlmJudge } from "./llm-judge.js";
import { checkPredicate } from "./predicate.js";
import { checkStatus } from "./status.js";
import { checkContains, checkMatches, checkNotContains } from "./text.js";
import { textSubject } from "./text-subject.js";
import { checkThrows } from "./throws.js";

/** `signal` is the trial's: a judge's model call stops when the trial is aborted. */
export async function checkAssertions(
  assertions: readonly Assertion[],
  observation: Observation,
  context: AssertionContext,
  signal?: AbortSignal,
): Promise<string[]> {
  const failures: string[] = [];
  const check = async (assertion: Assertion) => {
    let failure: string | undefined;
    try {
      failure = await checkAssertion(assertion, observation, context, signal);
    } catch (error) {
      failure = `${assertionName(assertion)} could not be checked: ${errorText(error)}`;
    }
    if (failure !== undefined) failures.push(truncate(failure));
  };
  for (const assertion of assertions) {
    if (!("llmJudge" in assertion)) await check(assertion);
  }
  // A model call costs money: a step that already failed is not also sent to the judge.
  if (failures.length > 0) return failures;
  for (const assertion of assertions) {
    if ("llmJudge" in assertion) await check(assertion);
  }
  return failures;
}

const notApplicable = Symbol("not applicable");

async function checkAssertion(
  assertion: Assertion,
  observation: Observation,
  context: AssertionContext,
  signal: AbortSignal | undefined,
): Promise<string | undefined> {
  if ("predicate" in assertion) {
    return checkPredicate(assertion.predicate, observation, context.suiteFolder);
  }
  if ("llmJudge" in assertion) {
    return checkLlmJudge(assertion.llmJudge, observation, context.judge, signal);
  }
  const failure = checkSynchronously(assertion, observation);
  if (failure !== notApplicable) return failure;
  return `"${assertionName(assertion)}" does not apply to a ${observation.kind} step`;
}

function checkSynchronously(
  assertion: Assertion,
  observation: Observation,
): string | undefined | typeof notApplicable {
  const http = observation.kind === "http" ? observation : undefined;
  const cli = observation.kind === "cli" ? observation : undefined;
  const call = observation.kind === "function" ? observation : undefined;
  const json = http ?? call;
  if ("status" in assertion) return http ? checkStatus(assertion.status, http) : notApplicable;
  if ("header" in assertion) return http ? checkHeader(assertion.header, http) : notApplicable;
  if ("json" in assertion) return json ? checkJson(assertion.json, json, "equal") : notApplicable;
  if ("jsonSubset" in assertion)
    return json ? checkJson(assertion.jsonSubset, json, "subset") : notApplicable;
  if ("jsonSchema" in assertion)
    return json ? checkJsonSchema(assertion.jsonSchema, json) : notApplicable;
  if ("exitCode" in assertion) return cli ? checkExitCode(assertion.exitCode, cli) : notApplicable;
  if ("throws" in assertion) return call ? checkThrows(assertion.throws, call) : notApplicable;
  if ("latencyUnderMs" in assertion) return checkLatency(assertion.latencyUnderMs, observation);
  if ("expression" in assertion) return checkExpression(assertion.expression, observation);
  if (cli) {
    const stdout = { name: "stdout", text: cli.stdout };
    const stderr = { name: "stderr", text: cli.stderr };
    if ("stdoutMatches" in assertion) return checkMatches(assertion.stdoutMatches, stdout);
    if ("stdoutContains" in assertion) return checkContains(assertion.stdoutContains, stdout);
    if ("stderrMatches" in assertion) return checkMatches(assertion.stderrMatches, stderr);
    if ("stderrContains" in assertion) return checkContains(assertion.stderrContains, stderr);
  }
  return checkText(assertion, observation);
}

function checkText(
  assertion: Assertion,
  observation: Observation,
): string | undefined | typeof notApplicable {
  const isMainText =
    "matches" in assertion || "contains" in assertion || "notContains" in assertion;
  if (!isMainText) return notApplicable;
  const subject = textSubject(observation);
  if (!subject.ok) return subject.reason;
  if ("matches" in assertion) return checkMatches(assertion.matches, subject);
  if ("contains" in assertion) return checkContains(assertion.contains, subject);
  return checkNotContains(assertion.notContains, subject);
}
