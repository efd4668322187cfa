/**
 * The families of hostile strings the malicious scenarios send: what each one probes is in the note of
 * every payload (string-payloads.ts).
 */

export type PayloadFamily =
  | "sql-injection"
  | "nosql-injection"
  | "shell-injection"
  | "path-traversal"
  | "template-injection"
  | "xss"
  | "format-string"
  | "naughty-string";

export const payloadFamilies: readonly PayloadFamily[] = [
  "sql-injection",
  "nosql-injection",
  "shell-injection",
  "path-traversal",
  "template-injection",
  "xss",
  "format-string",
  "naughty-string",
];

/** A payload as written in the catalogue: the value and a one-line note of what it probes. */
export type CataloguedString = readonly [value: string, note: string];
