/**
 * The article's example, briefly: a build that passed 171 of 180 scenarios (95%), which its "≥ 95% →
 * deploy" rule would ship, judged by the gate instead, which asks for more evidence first. The trial
 * results are the ones in examples/results.
 */
import { join } from "node:path";
import { parseJsonLines, type QualityProfile, TrialResult } from "../../../contracts/index.js";
import { evaluateGate } from "../../../gate/index.js";
import { percent } from "../../../gate/percent.js";
import { count } from "../../format.js";

export const articleResultsFile = "examples/results/todo-api.article-build.jsonl";

export function renderArticleExample(
  resultsText: string,
  profile: QualityProfile,
  path: string,
): string {
  const results = parseJsonLines(resultsText, TrialResult, path);
  const passed = results.filter((result) => result.pass).length;
  const verdict = evaluateGate(results, profile, { source: articleResultsFile });
  return [
    `The article's build passed ${count(passed)} of ${count(results.length)} scenarios (${percent(passed / results.length)}): its "≥ 95% → deploy" rule would ship it.`,
    `This gate ("${profile.name}" profile) says ${verdict.decision}: ${verdict.reason}.`,
    `  shopfloor gate ${articleResultsFile} --profile ${profile.name}   the full report`,
    "",
  ].join("\n");
}

/** The results file's absolute path under the package root. */
export function articleResultsPath(root: string): string {
  return join(root, articleResultsFile);
}
