/**
 * JSON Lines in, validated records out. Blank lines are allowed; every other line must be one JSON value
 * that matches the schema. All problems are collected so a user fixes a file in one pass.
 */
import type { z } from "zod";
import { type InputProblem, InvalidInputError, problemsFromZod } from "./invalid-input.js";

export function parseJsonLines<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
  source: string,
): z.infer<Schema>[] {
  const records: z.infer<Schema>[] = [];
  const problems: InputProblem[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      problems.push({
        line,
        field: "(the whole line)",
        message: `not valid JSON: ${(error as Error).message}`,
      });
      return;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
    else problems.push(...problemsFromZod(parsed.error, () => line));
  });
  if (problems.length > 0) throw new InvalidInputError(source, problems);
  return records;
}
