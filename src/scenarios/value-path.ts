/**
 * Paths into observed values: `body.items[0].id`, `headers["x-request-id"]`, `stdout.length`. They are
 * read from untrusted data (what the software under test sent back), so only own data properties are
 * followed: never the prototype chain, never `__proto__`, `constructor` or `prototype`, never a getter.
 */
import { ShopfloorError } from "../contracts/errors.js";

export type PathSegment = string | number;

/** A path that cannot be parsed: a suite's typo, reported by the loader before anything runs. */
export class InvalidPathError extends ShopfloorError {
  constructor(path: string, reason: string) {
    super("invalid-input", `path "${path}": ${reason}`, { field: path });
    this.name = "InvalidPathError";
  }
}

const forbiddenKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);
// A dotted segment is anything but separators, quotes and spaces: header names have hyphens.
const dottedSegment = /^[^.[\]\s"']+/;
const indexSegment = /^\[(\d+)\]/;
const quotedSegment = /^\[(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\]/;

/** Splits a path into keys and array indexes; throws InvalidPathError when it is malformed. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let rest = path;
  while (rest !== "" || segments.length === 0) {
    if (segments.length > 0) {
      if (rest.startsWith(".")) rest = rest.slice(1);
      else if (!rest.startsWith("[")) {
        throw new InvalidPathError(path, `unexpected "${rest[0]}" after "${formatPath(segments)}"`);
      }
    }
    const next = readSegment(rest);
    if (next === undefined) {
      const where = rest === "" ? "at the end" : `at "${rest}"`;
      throw new InvalidPathError(path, `expected a name, [index] or ["key"] ${where}`);
    }
    if (typeof next.segment === "string" && forbiddenKeys.has(next.segment)) {
      throw new InvalidPathError(path, `"${next.segment}" cannot be read`);
    }
    segments.push(next.segment);
    rest = rest.slice(next.length);
  }
  return segments;
}

function readSegment(text: string): { segment: PathSegment; length: number } | undefined {
  const index = indexSegment.exec(text);
  if (index?.[1] !== undefined) return { segment: Number(index[1]), length: index[0].length };
  const quoted = quotedSegment.exec(text);
  if (quoted) {
    const key = quoted[1] ?? quoted[2] ?? "";
    return { segment: key.replace(/\\(.)/g, "$1"), length: quoted[0].length };
  }
  const dotted = dottedSegment.exec(text);
  if (dotted) return { segment: dotted[0], length: dotted[0].length };
  return undefined;
}

/** `items[0].id`, with keys that are not plain names quoted: `headers["x id"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = "";
  for (const segment of segments) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (/^[^.[\]\s"']+$/.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

export type PathLookup =
  | { found: true; value: unknown }
  | {
      found: false;
      /** The longest prefix of the path that has a value, and that value. */
      reached: PathSegment[];
      reachedValue: unknown;
      missing: PathSegment;
    };

/** The own data property `key` of `container`, or `found: false`. */
export function ownValue(
  container: unknown,
  key: PathSegment,
): { found: true; value: unknown } | { found: false } {
  const name = String(key);
  if (container === null || container === undefined || forbiddenKeys.has(name)) {
    return { found: false };
  }
  if (typeof container !== "object" && typeof container !== "string") return { found: false };
  if (Array.isArray(container) && !/^(?:0|[1-9]\d*|length)$/.test(name)) return { found: false };
  const descriptor = Object.getOwnPropertyDescriptor(container, name);
  // A getter is code of the software under test: its value is never computed here.
  if (descriptor === undefined || !("value" in descriptor)) return { found: false };
  return { found: true, value: descriptor.value };
}

export function lookUpPath(root: unknown, path: string | readonly PathSegment[]): PathLookup {
  const segments = typeof path === "string" ? parsePath(path) : path;
  let value = root;
  for (const [position, segment] of segments.entries()) {
    const next = ownValue(value, segment);
    if (!next.found) {
      return {
        found: false,
        reached: segments.slice(0, position),
        reachedValue: value,
        missing: segment,
      };
    }
    value = next.value;
  }
  return { found: true, value };
}

/** The value at `path`, or undefined when any part of it is missing. */
export function readPath(root: unknown, path: string | readonly PathSegment[]): unknown {
  const lookup = lookUpPath(root, path);
  return lookup.found ? lookup.value : undefined;
}

const shownKeys = 8;

/** Why a lookup found nothing, for a person: `"body" has no "idd" (its keys: id, title)`. */
export function describeMissing(lookup: Extract<PathLookup, { found: false }>): string {
  const where = lookup.reached.length === 0 ? "the top level" : `"${formatPath(lookup.reached)}"`;
  const missing =
    typeof lookup.missing === "number" ? `[${lookup.missing}]` : `"${lookup.missing}"`;
  const value = lookup.reachedValue;
  if (
    value === null ||
    value === undefined ||
    (typeof value !== "object" && typeof value !== "string")
  ) {
    return `${where} is ${value === null ? "null" : typeof value}, so it has no ${missing}`;
  }
  if (Array.isArray(value) || typeof value === "string") {
    return `${where} has no ${missing} (its length is ${value.length})`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return `${where} has no ${missing} (it is empty)`;
  const listed = keys.slice(0, shownKeys).join(", ");
  return `${where} has no ${missing} (its keys: ${listed}${keys.length > shownKeys ? ", …" : ""})`;
}
