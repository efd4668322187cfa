/**
 * The `unmeasurable-quantity` rule: a size, a load or an amount given as an adjective with no number
 * ("large files", "high load", "minimal downtime", "a lot of requests", "too long"). A number nearby
 * measures it ("large files, up to 10 MB"); an adjective that describes no quantity ("a small shop")
 * is not a requirement and is left alone.
 */
import { matchesOf, numberNear, type SentenceFinding } from "./sentence-finding.js";
import { wordPattern } from "./text-units.js";

const adjectives = [
  "large",
  "big",
  "huge",
  "massive",
  "vast",
  "enormous",
  "high",
  "low",
  "small",
  "tiny",
  "heavy",
  "long",
  "short",
  "minimal",
  "maximal",
  "significant",
  "considerable",
  "substantial",
  "excessive",
  "limited",
];

const quantityNouns = [
  "latency",
  "latencies",
  "load",
  "loads",
  "throughput",
  "volume",
  "volumes",
  "number",
  "numbers",
  "amount",
  "amounts",
  "size",
  "sizes",
  "traffic",
  "memory",
  "cpu",
  "usage",
  "downtime",
  "delay",
  "delays",
  "response time",
  "response times",
  "capacity",
  "availability",
  "uptime",
  "performance",
  "files",
  "uploads",
  "payloads",
  "bodies",
  "requests",
  "users",
  "customers",
  "records",
  "rows",
  "items",
  "lists",
  "datasets",
  "batches",
  "values",
  "quantities",
  "precision",
  "accuracy",
  "concurrency",
  "cost",
  "costs",
  "overhead",
  "rate",
  "rates",
  "timeout",
  "timeouts",
  "period",
  "periods",
  "wait",
  "waits",
  "names",
  "titles",
  "texts",
  "strings",
  "messages",
  "inputs",
];

const adjectiveAlternatives = adjectives.join("|");
const nounAlternatives = [...quantityNouns]
  .sort((left, right) => right.length - left.length)
  .map((noun) => noun.replace(/ /g, "\\s+"))
  .join("|");
/** An adjective, up to two words, then a quantity noun: "high request volume", "large JSON bodies". */
const qualified = new RegExp(
  `(?<![\\w-])(?:${adjectiveAlternatives})(?:\\s+[\\w-]+){0,2}?\\s+(?:${nounAlternatives})(?![\\w-])`,
  "gi",
);
/** "Response times must be low": the adjective after the quantity. */
const predicate = new RegExp(
  `(?<![\\w-])(?:${nounAlternatives})\\s+(?:must|should|shall|will|is|are|stays?|remains?)(?:\\s+(?:be|stay|remain|always))?\\s+(?:${adjectiveAlternatives})(?![\\w-])`,
  "gi",
);
/** "too long", "too many": a limit that is never given. */
const excess =
  /(?<![\w-])too\s+(?:long|short|large|big|small|many|much|high|low|slow|old)(?![\w-])/gi;
const standalone = wordPattern([
  "a lot",
  "lots of",
  "plenty of",
  "a great deal",
  "minimal",
  "minimum",
  "maximum",
  "as much as possible",
  "as little as possible",
  "as few as possible",
  "as many as possible",
  "as soon as possible",
]);

export function unmeasurableQuantities(sentence: string): SentenceFinding[] {
  const found: SentenceFinding[] = [];
  const taken: [number, number][] = [];
  for (const pattern of [qualified, predicate, excess, standalone]) {
    for (const match of matchesOf(pattern, sentence)) {
      const end = match.index + match[0].length;
      if (taken.some(([start, stop]) => match.index < stop && end > start)) continue;
      if (numberNear(sentence, match.index, match[0].length)) continue;
      taken.push([match.index, end]);
      found.push({
        rule: "unmeasurable-quantity",
        severity: "warning",
        text: match[0],
        message: `"${match[0]}" has no number: a test cannot tell when it holds`,
        suggestion: suggestionFor(match[0]),
      });
    }
  }
  return found;
}

function suggestionFor(text: string): string {
  const lower = text.toLowerCase();
  if (/latenc|response time|delay|timeout|wait|soon|slow/.test(lower))
    return "give the time: e.g. 'within 200 ms at the 95th percentile'";
  if (/load|traffic|requests|throughput|concurren|users|customers/.test(lower))
    return "give the load: e.g. '500 requests/s from 50 clients'";
  if (/availability|uptime|downtime/.test(lower))
    return "give the figure: e.g. '99.9% of minutes in a month'";
  if (/long|short|names|titles|texts|strings|messages/.test(lower))
    return "give the length: e.g. 'at most 200 characters'";
  if (/size|files|uploads|payloads|bodies|memory|large|big|huge|small|tiny/.test(lower))
    return "give the size: e.g. 'up to 10 MiB'";
  return "give the number: e.g. 'at most 100 items' or 'from 1 to 5'";
}
