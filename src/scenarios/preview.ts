/**
 * Short previews of observed values for messages: a failure a person reads must not carry a megabyte of
 * body. Previews are JSON-quoted so error signatures mask them as one quoted value.
 */

export const maximumMessageLength = 300;

/** Cuts text to `length` characters, marking the cut, without splitting a surrogate pair. */
export function truncate(text: string, length = maximumMessageLength): string {
  if (text.length <= length) return text;
  return `${text.slice(0, length - 1).replace(/[\uD800-\uDBFF]$/, "")}…`;
}

/** A value as short JSON text: `"milk"`, `17`, `{"id":1,"tit…`, `undefined`. */
export function preview(value: unknown, length = 80): string {
  if (value === undefined) return "undefined";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return truncate(text, length);
}

/** Text quoted as a JSON string after it was cut: `"<html><body>Intern…"`. */
export function quote(text: string, length = 80): string {
  return JSON.stringify(truncate(text, length));
}
