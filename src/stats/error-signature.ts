/**
 * Error signatures: an error message with its variable parts (ids, numbers, paths, times, quoted values)
 * replaced by placeholders, so that the 40 failures of one bug become one cluster in the gate's report
 * instead of 40 different strings. The rules run in order, most specific first: a URL must be masked
 * before its path and port are seen as a path and a number.
 */

export interface ErrorCluster<T> {
  signature: string;
  count: number;
  /** The first member, kept verbatim so a person (or the agent's feedback) sees one real message. */
  example: T;
  members: T[];
}

export const maximumSignatureLength = 200;

const fileSystemRoots =
  /^\/(?:tmp|var|home|Users|usr|opt|private|etc|root|proc|dev|mnt|srv|nix|workspace|work|Library|Volumes|builds)\//;
const fileExtension = /\.[A-Za-z][A-Za-z0-9]{0,7}$/;
const timeUnits =
  "ms|µs|us|ns|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|b|kb|mb|gb|tb|kib|mib|gib|bytes?|%";
const mentionsHttpStatus = /\bstatus\b|\bstatusCode\b|\bHTTP\b/i;

/**
 * Longer messages are cut before the rules run: the signature keeps only 200 characters anyway, and the cut
 * bounds the cost of one pathological message (a megabyte of minified source in an error).
 */
export const maximumMessageLength = 20_000;

/** Facts about the whole message, computed once: rescanning the message for every match is quadratic. */
interface MessageFacts {
  mentionsHttpStatus: boolean;
}

type Rule = [pattern: RegExp, replace: (match: string, facts: MessageFacts) => string];

// Each pattern that can start inside a token has a lookbehind excluding its own leading characters, so a
// failed match is not retried at every position of a long token (which would be quadratic).
const rules: Rule[] = [
  [/(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]*[^\s"'<>`.,;:!?)\]]/gi, () => "<url>"],
  [/(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, () => "<email>"],
  [/"(?:[^"\\\n]|\\.)*"/g, () => `"<str>"`],
  // An apostrophe inside a word (can't, user's) must not open a quoted value.
  [/(?<!\w)'(?:[^'\\\n]|\\.)*'(?!\w)/g, () => "'<str>'"],
  [/`[^`\n]*`/g, () => "`<str>`"],
  [
    /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w:])/g,
    () => "<time>",
  ],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, () => "<time>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, () => "<uuid>"],
  [/\b[A-Za-z]:\\[^\s"'<>|?*]+/g, () => "<path>"],
  [/(?<![\w./])(?:~|\.{1,2})?\/[\w.@+-]+(?:\/[\w.@+-]+)*\/?(?::\d+){0,2}/g, maskFilePath],
  [
    /(?<![\w./:@-])[\w.@-]+(?:\/[\w.@+-]+)+\.[A-Za-z][A-Za-z0-9]{0,7}(?::\d+){0,2}\b/g,
    () => "<path>",
  ],
  [/\b0x[0-9a-f]+\b/gi, () => "<hex>"],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, () => "<hex>"],
  [/\b(?=\w*\d)(?=\w*[a-z])\w{16,}\b/g, () => "<id>"],
  [/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, () => "<ip>"],
  [
    new RegExp(`(?<![\\w.])[-+]?\\d+(?:[.,]\\d+)*(?:e[-+]?\\d+)?(?:${timeUnits})?(?!\\w)`, "gi"),
    maskNumber,
  ],
];

export function errorSignature(message: string): string {
  let signature = message.slice(0, maximumMessageLength);
  const facts: MessageFacts = { mentionsHttpStatus: mentionsHttpStatus.test(signature) };
  for (const [pattern, replace] of rules) {
    signature = signature.replace(pattern, (match) => replace(match, facts));
  }
  signature = signature.replace(/\s+/g, " ").trim();
  if (signature === "") return "<empty>";
  if (signature.length <= maximumSignatureLength) return signature;
  return `${signature.slice(0, maximumSignatureLength - 1).replace(/[\uD800-\uDBFF]$/, "")}…`;
}

/** Groups items by the signature of their message, largest cluster first, ties by signature. */
export function clusterErrors<T>(
  items: readonly T[],
  messageOf: (item: T) => string,
): ErrorCluster<T>[] {
  const clusters = new Map<string, ErrorCluster<T>>();
  for (const item of items) {
    const signature = errorSignature(messageOf(item));
    const cluster = clusters.get(signature);
    if (cluster === undefined) {
      clusters.set(signature, { signature, count: 1, example: item, members: [item] });
    } else {
      cluster.count++;
      cluster.members.push(item);
    }
  }
  return [...clusters.values()].sort(
    (left, right) => right.count - left.count || compareStrings(left.signature, right.signature),
  );
}

/**
 * Only paths that look like files are masked: an API route such as /api/users/42 keeps its shape (its
 * variable segments are masked by the later rules), so failures on different endpoints stay apart.
 */
function maskFilePath(path: string): string {
  const looksLikeFile =
    /:\d+$/.test(path) ||
    /^[~.]/.test(path) ||
    fileSystemRoots.test(path) ||
    fileExtension.test(path.replace(/\/$/, ""));
  return looksLikeFile ? "<path>" : path;
}

/**
 * An HTTP status is the one number worth keeping: "got 404" and "got 500" are different bugs. It is kept
 * only when the message talks about a status and the number is a bare integer in 100..599.
 */
function maskNumber(number: string, facts: MessageFacts): string {
  const isStatus = facts.mentionsHttpStatus && /^[1-5]\d\d$/.test(number);
  return isStatus ? number : "<num>";
}

/** Code-unit order, so the result does not depend on the machine's locale. */
function compareStrings(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
