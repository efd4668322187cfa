/**
 * The labelled corpus of requirement sentences, and how well the sentence-level rules agree with its
 * labels: precision, recall and F1 per rule and over all (sentence, rule) pairs. The `development`
 * sentences were written first and the rules tuned on them; the `held-out` ones were written after the
 * tuning and never tuned on, so their figures are the honest estimate. The corpus test holds the
 * figures above floors; `npm run bench` prints them.
 */
import { z } from "zod";
import { parseJsonLines } from "../../contracts/json-lines.js";
import { LintRuleId } from "../../contracts/lint.js";
import { isTestableCriterion, lintSentence } from "./sentence-rules.js";
import { maskBacktickSpans } from "./text-units.js";

export const CorpusSentence = z.strictObject({
  text: z.string().min(1),
  /** Read as an acceptance criterion: `untestable-criterion` applies too. */
  criterion: z.boolean().default(false),
  /** The rules that should fire; empty for a clear sentence. */
  expected: z.array(LintRuleId),
  set: z.enum(["development", "held-out"]).default("development"),
});
export type CorpusSentence = z.infer<typeof CorpusSentence>;

export function parseCorpus(text: string, source: string): CorpusSentence[] {
  return parseJsonLines(text, CorpusSentence, source);
}

export interface RuleAgreement {
  rule: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CorpusEvaluation {
  sentences: number;
  rules: RuleAgreement[];
  overall: RuleAgreement;
  /** Sentences where the rules and the labels disagree, for reading. */
  disagreements: { text: string; expected: string[]; fired: string[] }[];
}

/** The rules that fire on a corpus sentence (each rule once, however many times it matched). */
export function firedRules(sentence: CorpusSentence): string[] {
  const masked = maskBacktickSpans(sentence.text);
  const fired = new Set(lintSentence(masked).map((finding) => finding.rule));
  if (sentence.criterion && !isTestableCriterion(masked, false)) fired.add("untestable-criterion");
  return [...fired].sort();
}

export function evaluateCorpus(corpus: readonly CorpusSentence[]): CorpusEvaluation {
  const counts = new Map<
    string,
    { truePositives: number; falsePositives: number; falseNegatives: number }
  >();
  const disagreements: CorpusEvaluation["disagreements"] = [];
  const countFor = (rule: string) => {
    let count = counts.get(rule);
    if (count === undefined) {
      count = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
      counts.set(rule, count);
    }
    return count;
  };
  for (const sentence of corpus) {
    const fired = firedRules(sentence);
    const expected: string[] = [...new Set(sentence.expected)].sort();
    for (const rule of fired) {
      if (expected.includes(rule)) countFor(rule).truePositives += 1;
      else countFor(rule).falsePositives += 1;
    }
    for (const rule of expected) if (!fired.includes(rule)) countFor(rule).falseNegatives += 1;
    if (fired.join() !== expected.join())
      disagreements.push({ text: sentence.text, expected, fired });
  }
  const rules = [...counts.entries()]
    .map(([rule, count]) => agreement(rule, count))
    .sort((left, right) => left.rule.localeCompare(right.rule));
  const total = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const count of counts.values()) {
    total.truePositives += count.truePositives;
    total.falsePositives += count.falsePositives;
    total.falseNegatives += count.falseNegatives;
  }
  return { sentences: corpus.length, rules, overall: agreement("overall", total), disagreements };
}

function agreement(
  rule: string,
  count: { truePositives: number; falsePositives: number; falseNegatives: number },
): RuleAgreement {
  const precision = ratio(count.truePositives, count.truePositives + count.falsePositives);
  const recall = ratio(count.truePositives, count.truePositives + count.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { rule, ...count, precision, recall, f1 };
}

/** A rule that never fires and is never expected agrees perfectly. */
function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}
