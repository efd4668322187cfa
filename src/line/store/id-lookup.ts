/**
 * Finding a record from what a person typed: the full id, or a prefix of it that only one id starts with
 * (like a short git hash). When nothing matches, the ids that come closest are named in the error, so a
 * typo is one glance away from the right id.
 */
import { type Kysely, sql } from "kysely";
import { ShopfloorError } from "../../contracts/errors.js";
import type { FactoryDatabase } from "../../store/factory-database.js";

export type PrefixMatch =
  | { kind: "one"; id: string }
  | { kind: "none" }
  | { kind: "many"; ids: string[] };

/**
 * The full id of the record of `table` that the text names (its id, or a prefix only one id starts
 * with); else an error: ambiguous, or not found with the closest ids.
 */
export async function resolveId(
  database: Kysely<FactoryDatabase>,
  table: "work_item" | "line_exception",
  what: string,
  text: string,
): Promise<string> {
  if (text.length === 0) throw new ShopfloorError("invalid-argument", `give the ${what}'s id`);
  const ids = async (startingWith: string) =>
    (
      await database
        .selectFrom(table)
        .select("id")
        .where(sql<boolean>`id like ${`${escapeLike(startingWith)}%`} escape '\\'`)
        .execute()
    ).map((row) => row.id);
  const match = matchPrefix(text, await ids(text));
  if (match.kind === "one") return match.id;
  throw lookupError(what, text, match, match.kind === "none" ? await ids("") : []);
}

/** Which of the given ids the text names: itself exactly, else the one id it is a prefix of. */
export function matchPrefix(text: string, ids: readonly string[]): PrefixMatch {
  if (ids.includes(text)) return { kind: "one", id: text };
  const matches = ids.filter((id) => id.startsWith(text));
  if (matches.length === 1 && matches[0] !== undefined) return { kind: "one", id: matches[0] };
  if (matches.length === 0) return { kind: "none" };
  return { kind: "many", ids: [...matches].sort() };
}

/**
 * The ids nearest to the text, at most `limit` of them: by edit distance to the whole id or to its start
 * (the text may be a mistyped prefix), keeping only those a typo or two away.
 */
export function closeIds(text: string, ids: readonly string[], limit = 5): string[] {
  const tolerance = Math.max(2, Math.floor(text.length / 4));
  return ids
    .map((id) => ({
      id,
      distance: Math.min(editDistance(text, id), editDistance(text, id.slice(0, text.length))),
    }))
    .filter((candidate) => candidate.distance <= tolerance)
    .sort((left, right) => left.distance - right.distance || left.id.localeCompare(right.id))
    .slice(0, limit)
    .map((candidate) => candidate.id);
}

/** The error for a lookup that did not resolve: ambiguous, or not found (naming the closest ids). */
export function lookupError(
  what: string,
  text: string,
  match: Exclude<PrefixMatch, { kind: "one" }>,
  everyId: readonly string[],
): ShopfloorError {
  if (match.kind === "many") {
    return new ShopfloorError(
      "invalid-argument",
      `"${text}" names more than one ${what}: ${match.ids.join(", ")}; give more of the id`,
    );
  }
  const close = closeIds(text, everyId);
  const hint = close.length === 0 ? "" : `; did you mean ${close.join(", ")}?`;
  return new ShopfloorError("not-found", `no ${what} has an id starting with "${text}"${hint}`);
}

/** Levenshtein distance: insertions, deletions and substitutions, each counting one. */
export function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= right.length; column += 1) {
      const substitution = left[row - 1] === right[column - 1] ? 0 : 1;
      current[column] = Math.min(
        (previous[column] ?? 0) + 1,
        (current[column - 1] ?? 0) + 1,
        (previous[column - 1] ?? 0) + substitution,
      );
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/** A LIKE pattern's text matching itself literally (`%` and `_` are wildcards otherwise); escape `\`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
