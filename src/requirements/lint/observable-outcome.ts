/**
 * Whether a sentence states something a test can observe: a number (a status, an exit code, a count, a
 * limit), a concrete value (a code span, a quoted string), or a verb of what the software answers,
 * prints or refuses. A criterion without one cannot be tested; a passive requirement with one has an
 * actor that does not matter (the software, seen from outside).
 */
import { codePlaceholder, wordPattern } from "./text-units.js";

const outcomeWords = wordPattern(
  [
    "answer",
    "answers",
    "answered",
    "respond",
    "responds",
    "responded",
    "return",
    "returns",
    "returned",
    "print",
    "prints",
    "printed",
    "output",
    "outputs",
    "exit",
    "exits",
    "exit code",
    "stdout",
    "stderr",
    "standard output",
    "standard error",
    "status",
    "refuse",
    "refuses",
    "refused",
    "reject",
    "rejects",
    "rejected",
    "throw",
    "throws",
    "thrown",
    "raise",
    "raises",
    "not found",
    "nothing changes",
    "changes nothing",
    "does not change",
    "is unchanged",
    "stays unchanged",
    "error message",
    "with an error",
    "with a message",
    "the error",
    "is empty",
    "an empty",
    "shown",
    "shows",
    "displayed",
    "displays",
    "listed",
    "contains",
    "includes",
    "equals",
    "equal to",
    "matches",
    "same as",
    "as sent",
    "as written",
    "exactly",
  ],
  "i",
);

export function hasObservableOutcome(sentence: string): boolean {
  if (/\d/.test(sentence)) return true;
  if (sentence.includes(codePlaceholder)) return true;
  if (/["“][^"”]+["”]/.test(sentence)) return true;
  return outcomeWords.test(sentence);
}
