/**
 * Filler text of an exact size in UTF-8 bytes, to probe body and field size limits. The same size always
 * gives the same text, so a failing trial can be replayed.
 */
import { InvalidArgumentError } from "../../contracts/errors.js";

const pattern = "shopfloor oversized text 0123456789 ";

export function oversizedText(bytes: number): string {
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new InvalidArgumentError(`a size in bytes must be a whole number from 0, not ${bytes}`);
  }
  // The pattern is ASCII, so each character is one byte.
  return pattern.repeat(Math.ceil(bytes / pattern.length)).slice(0, bytes);
}
