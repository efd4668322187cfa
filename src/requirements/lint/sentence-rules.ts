/**
 * The rules that read one sentence at a time (vague words, unmeasurable quantities, passives with no
 * actor, weak modals), and the test of a criterion's text for an observable outcome. The corpus of
 * labelled sentences (test/fixtures/requirements-corpus) measures exactly these.
 */
import { hasObservableOutcome } from "./observable-outcome.js";
import { passiveWithoutActor } from "./passive-voice.js";
import type { SentenceFinding, SentenceRule } from "./sentence-finding.js";
import { splitSentences } from "./text-units.js";
import { unmeasurableQuantities } from "./unmeasurable-quantities.js";
import { vagueWords } from "./vague-words.js";
import { weakModals } from "./weak-modals.js";

export const sentenceRules: readonly SentenceRule[] = [
  vagueWords,
  unmeasurableQuantities,
  passiveWithoutActor,
  weakModals,
];

/** The findings of every sentence rule in one sentence (masked of code). */
export function lintSentence(sentence: string): SentenceFinding[] {
  return sentenceRules.flatMap((rule) => rule(sentence));
}

/** A criterion is testable when one of its sentences states an observable outcome. */
export function isTestableCriterion(text: string, hasExamples: boolean): boolean {
  return hasExamples || splitSentences(text).some(hasObservableOutcome);
}

export function untestableFinding(text: string): SentenceFinding {
  return {
    rule: "untestable-criterion",
    severity: "warning",
    text,
    message: "no observable outcome: no status, exit code, output, number or worked example",
    suggestion:
      "say what a test sees: e.g. 'answers 404', 'exits 2 with a message on stderr', or add `input` → result",
  };
}
