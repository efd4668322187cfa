/**
 * The `weak-modal` rule: "should", "would be nice", "ideally", and "may"/"could"/"might" said of the
 * software, where "must" is meant. "May" said of a client is a permission and stays ("options may be
 * written `--name=value`"); so does the conditional "Should the payment fail, …".
 */
import { matchesOf, type SentenceFinding } from "./sentence-finding.js";
import { wordPattern } from "./text-units.js";

const wishes = wordPattern([
  "would be nice",
  "would be good",
  "nice to have",
  "would like",
  "ideally",
  "if possible",
  "where possible",
  "when possible",
  "as far as possible",
  "preferably",
  "hopefully",
]);
const should = /(?<![\w-])should(?![\w-])/gi;
/** "Should the payment fail, …" is a condition, not a requirement. */
const conditionalShould = /^\s*should\s+(?:the|a|an|any|it|this|that)\b[^,]*,/i;
const possibility = /(?<![\w-])(?:may|could|might)(?![\w-])/gi;

/** Nouns that name the software in a clause: "the service may …" is a weak promise. */
const systemSubjects = new Set([
  "service",
  "system",
  "server",
  "api",
  "application",
  "app",
  "program",
  "command",
  "tool",
  "library",
  "function",
  "endpoint",
  "backend",
  "platform",
  "website",
  "site",
  "implementation",
  "software",
  "module",
  "it",
  "we",
]);
const clauseBoundary =
  /[,;:()]|(?<![\w-])(?:and|but|or|when|if|because|since|so|that|which|while|unless)(?![\w-])/gi;

export function weakModals(sentence: string): SentenceFinding[] {
  const found: SentenceFinding[] = [];
  for (const match of matchesOf(wishes, sentence)) found.push(finding(match[0]));
  const conditional = conditionalShould.test(sentence);
  for (const match of matchesOf(should, sentence)) {
    if (conditional && sentence.slice(0, match.index).trim() === "") continue;
    found.push(finding(match[0]));
  }
  for (const match of matchesOf(possibility, sentence)) {
    if (saidOfTheSoftware(sentence.slice(0, match.index))) found.push(finding(match[0]));
  }
  return found;
}

/** Whether the clause before the modal names the software as its subject. */
function saidOfTheSoftware(before: string): boolean {
  const clauses = before.split(clauseBoundary);
  const clause = clauses.at(-1) ?? "";
  const words = clause.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.some((word) => systemSubjects.has(word));
}

function finding(text: string): SentenceFinding {
  const lower = text.toLowerCase();
  const permissive = ["may", "could", "might"].includes(lower);
  return {
    rule: "weak-modal",
    severity: "warning",
    text,
    message: permissive
      ? `"${text}" leaves it to the builder: is it required, allowed or forbidden?`
      : `"${text}" reads as optional: a builder may skip it and still meet the spec`,
    suggestion: permissive
      ? "write 'must' if it is required, 'must not' if it is forbidden, or drop it"
      : "write 'must' (and a number or an observable outcome), or drop the sentence",
  };
}
