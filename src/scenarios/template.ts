/**
 * Templates in steps: `{{ created.id }}` in a request, an argument or a call is replaced by a variable the
 * runner provides (`scenario.id`, `trial.attempt`, `trial.unique`, `trial.token`) or a value captured by
 * an earlier step.
 * A string that is exactly one placeholder becomes the raw value, so a captured number stays a number.
 * `\{{` stands for a literal `{{`, which malicious scenarios need to send template-injection probes.
 */
import { createHash } from "node:crypto";
import { ShopfloorError } from "../contracts/errors.js";
import { describeMissing, lookUpPath, type PathSegment } from "./value-path.js";

// The runner reads captures beside templates; they live in capture.ts.
export { type CaptureResult, captureValues } from "./capture.js";

/** A placeholder that names nothing: a typo in the suite, or a capture of a step that did not run. */
export class TemplateError extends ShopfloorError {
  readonly placeholder: string;

  constructor(placeholder: string, reason: string) {
    super("invalid-input", `template "${placeholder}": ${reason}`, { field: placeholder });
    this.name = "TemplateError";
    this.placeholder = placeholder;
  }
}

export interface TrialFacts {
  scenarioId: string;
  attempt: number;
  /** Distinct for every trial, so that data a trial creates does not collide with another's. */
  unique: string;
}

/** The built-in variables of one trial; captures are added beside them. */
export function trialVariables(facts: TrialFacts): Record<string, unknown> {
  return {
    scenario: { id: facts.scenarioId },
    trial: { attempt: facts.attempt, unique: facts.unique, token: uniqueToken(facts.unique) },
  };
}

/**
 * `trial.token`: ten lower-case letters and digits drawn from the trial's unique value, for fields too
 * short or too strict for `trial.unique` (a unique username of at most 16 characters).
 */
export function uniqueToken(unique: string): string {
  const digest = createHash("sha256").update(unique).digest();
  return [...digest.subarray(0, 10)].map((byte) => tokenAlphabet[byte % 36]).join("");
}

const tokenAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Text that reaches the target exactly as written: every `{{` is escaped so it is not a placeholder. */
export function escapeTemplate(text: string): string {
  return text.replaceAll("{{", "\\{{");
}

const placeholderOrEscape = /\\\{\{|\{\{\s*([^{}]*?)\s*\}\}/g;
const wholePlaceholder = /^\{\{\s*([^{}]*?)\s*\}\}$/;

export function renderTemplate(value: unknown, variables: Record<string, unknown>): unknown {
  if (typeof value === "string") return renderString(value, variables);
  if (Array.isArray(value)) return value.map((item) => renderTemplate(item, variables));
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, renderTemplate(item, variables)]),
    );
  }
  return value;
}

export interface PlaceholderLocation {
  /** Where in the value the string holding it is: `["request", "path"]`. */
  at: PathSegment[];
  /** As written: `{{ created.id }}`. */
  placeholder: string;
  /** The path inside it: `created.id`. */
  path: string;
}

/** Every placeholder in a value, in order: the loader checks that each names a known variable. */
export function findPlaceholders(value: unknown, at: PathSegment[] = []): PlaceholderLocation[] {
  if (typeof value === "string") {
    return [...value.matchAll(placeholderOrEscape)].flatMap((match) =>
      match[1] === undefined ? [] : [{ at, placeholder: match[0], path: match[1] }],
    );
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => findPlaceholders(item, [...at, index]));
  }
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, item]) => findPlaceholders(item, [...at, key]));
  }
  return [];
}

function renderString(text: string, variables: Record<string, unknown>): unknown {
  const whole = wholePlaceholder.exec(text);
  if (whole?.[1] !== undefined) return resolve(whole[0], whole[1], variables);
  return text.replace(placeholderOrEscape, (match, path: string | undefined) =>
    path === undefined ? "{{" : textOf(resolve(match, path, variables)),
  );
}

function resolve(placeholder: string, path: string, variables: Record<string, unknown>): unknown {
  if (path === "") throw new TemplateError(placeholder, "the placeholder is empty");
  let lookup: ReturnType<typeof lookUpPath>;
  try {
    lookup = lookUpPath(variables, path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TemplateError(placeholder, `${reason} (write \\{{ for a literal "{{")`);
  }
  if (lookup.found && lookup.value !== undefined) return lookup.value;
  if (lookup.found || lookup.reached.length > 0) {
    const reason = lookup.found ? `"${path}" is undefined` : describeMissing(lookup);
    throw new TemplateError(placeholder, reason);
  }
  const names = Object.keys(variables).join(", ");
  throw new TemplateError(
    placeholder,
    `no variable "${String(lookup.missing)}"; the variables are ${names}`,
  );
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
