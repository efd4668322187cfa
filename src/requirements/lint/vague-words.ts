/**
 * The `vague-word` rule: words and phrases that sound like requirements but cannot be checked ("fast",
 * "user-friendly", "etc.", "as appropriate", "several"), each with the rewrite that makes it checkable.
 */
import { matchesOf, numberNear, type SentenceFinding } from "./sentence-finding.js";
import { wordPattern } from "./text-units.js";

interface VagueGroup {
  phrases: readonly string[];
  suggestion: string;
  /** A number this close makes the word measured ("fast: within 200 ms"). */
  measuredByNearbyNumber?: boolean;
}

const groups: readonly VagueGroup[] = [
  {
    phrases: [
      "fast",
      "faster",
      "quick",
      "quickly",
      "rapid",
      "rapidly",
      "swift",
      "swiftly",
      "speedy",
      "snappy",
      "instant",
      "instantly",
      "promptly",
      "timely",
      "responsive",
      "slow",
      "slowly",
      "real-time",
      "realtime",
      "in real time",
    ],
    suggestion: "state a time: e.g. 'answers within 200 ms at the 95th percentile'",
    measuredByNearbyNumber: true,
  },
  {
    phrases: [
      "user-friendly",
      "user friendly",
      "intuitive",
      "intuitively",
      "easy to use",
      "ergonomic",
    ],
    suggestion:
      "say what a user can do and how it is checked: e.g. 'a first-time user adds a todo in at most 3 steps'",
  },
  {
    phrases: ["easy", "easily", "simple", "straightforward", "effortless", "convenient"],
    suggestion: "say what exactly is needed: e.g. 'with one command' or 'with no configuration'",
  },
  {
    phrases: [
      "etc.",
      "etc",
      "and so on",
      "and so forth",
      "and the like",
      "or similar",
      "among others",
      "and more",
    ],
    suggestion: "list every case: an open list cannot be tested",
  },
  {
    phrases: [
      "as appropriate",
      "where appropriate",
      "if appropriate",
      "appropriate",
      "appropriately",
      "as needed",
      "as necessary",
      "if necessary",
      "where necessary",
      "when necessary",
    ],
    suggestion: "name the cases and what happens in each: e.g. 'a missing title answers 400'",
  },
  {
    phrases: ["robust", "robustly", "resilient", "reliable", "reliably"],
    suggestion:
      "name the failure and the behaviour: e.g. 'no input, however malformed, gets a 5xx'",
  },
  {
    phrases: ["scalable", "scales well", "scale well"],
    suggestion: "give the load: e.g. 'serves 500 requests/s with a p95 under 100 ms'",
    measuredByNearbyNumber: true,
  },
  {
    phrases: ["flexible", "flexibly", "extensible"],
    suggestion: "say what can vary and how it is set: e.g. 'the page size is a query parameter'",
  },
  {
    phrases: [
      "efficient",
      "efficiently",
      "performant",
      "optimal",
      "optimally",
      "optimised",
      "optimized",
    ],
    suggestion: "give a limit with a number: time, memory or cost",
    measuredByNearbyNumber: true,
  },
  {
    phrases: ["seamless", "seamlessly", "smooth", "smoothly", "transparently"],
    suggestion: "say what the user observes: e.g. 'the old links still answer 200'",
  },
  {
    phrases: [
      "reasonable",
      "reasonably",
      "adequate",
      "adequately",
      "sufficient",
      "sufficiently",
      "acceptable",
      "acceptably",
      "suitable",
      "suitably",
      "proper",
      "properly",
      "correctly",
      "graceful",
      "gracefully",
      "securely",
      "high-quality",
      "state-of-the-art",
      "best practices",
      "industry standard",
      "modern",
    ],
    suggestion: "give the number or the rule it is measured by: e.g. 'at most 3 retries'",
  },
  {
    phrases: [
      "normally",
      "generally",
      "usually",
      "typically",
      "mostly",
      "often",
      "frequently",
      "rarely",
      "sometimes",
      "occasionally",
      "in most cases",
      "ordinarily",
    ],
    suggestion: "say exactly when: list the cases and the exceptions",
  },
  {
    phrases: ["several", "various", "numerous", "a few", "a number of", "a couple of"],
    suggestion: "give the number or the range: e.g. 'from 1 to 20'",
    measuredByNearbyNumber: true,
  },
  {
    phrases: ["approximately", "roughly", "more or less"],
    suggestion: "give the exact value or a tolerance: e.g. '100 ± 5'",
  },
  {
    phrases: ["tbd", "tba", "to be decided", "to be determined", "to be defined"],
    suggestion: "decide it before the spec goes down the line",
  },
];

const compiled = groups.map((group) => ({ ...group, pattern: wordPattern(group.phrases) }));

/** "some" and "many" are vague as quantities, not in "some of its fields" or "how many decimals". */
const some = /(?<![\w-])some(?![\w-])(?!\s+of\b)/gi;
const many = /(?<![\w-])(?<!\b(?:how|that|this|as|so)\s+)many(?![\w-])/gi;
const quantitySuggestion = "give the number or the range: e.g. 'from 1 to 20'";

export function vagueWords(sentence: string): SentenceFinding[] {
  const found: { index: number; finding: SentenceFinding }[] = [];
  for (const group of compiled) {
    for (const match of matchesOf(group.pattern, sentence)) {
      if (group.measuredByNearbyNumber && numberNear(sentence, match.index, match[0].length))
        continue;
      found.push({ index: match.index, finding: finding(match[0], group.suggestion) });
    }
  }
  for (const pattern of [some, many]) {
    for (const match of matchesOf(pattern, sentence)) {
      if (numberNear(sentence, match.index, match[0].length, 3)) continue;
      found.push({ index: match.index, finding: finding(match[0], quantitySuggestion) });
    }
  }
  return found.sort((left, right) => left.index - right.index).map((entry) => entry.finding);
}

function finding(text: string, suggestion: string): SentenceFinding {
  return {
    rule: "vague-word",
    severity: "warning",
    text,
    message: `"${text}" cannot be checked: two people would read it differently`,
    suggestion,
  };
}
