/**
 * The index of one stored suite (`<home>/suites/<name>/index.json`): its versions with when and from what
 * they were made, which version is current, and whether it is frozen there. The index is the only file
 * of a suite that changes; it is rewritten whole, atomically, under the suite's lock.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { ShopfloorError } from "../../contracts/errors.js";
import { ScenarioCategory } from "../../contracts/scenario-category.js";
import { writeFileAtomically } from "./atomic-file.js";

export const IndexedVersion = z.strictObject({
  version: z.string().min(1),
  createdAt: z.string().min(1),
  parent: z.string().min(1).optional(),
  spec: z.strictObject({ name: z.string().min(1), hash: z.string().min(1) }).optional(),
  counts: z.record(ScenarioCategory, z.int().nonnegative()),
  scenarioCount: z.int().nonnegative(),
});
export type IndexedVersion = z.infer<typeof IndexedVersion>;

export const SuiteIndex = z.strictObject({
  name: z.string().min(1),
  current: z.string().min(1),
  frozen: z.boolean(),
  /** In the order they were stored. */
  versions: z.array(IndexedVersion).min(1),
});
export type SuiteIndex = z.infer<typeof SuiteIndex>;

/** The index, or undefined when the suite has none yet. */
export async function readSuiteIndex(file: string): Promise<SuiteIndex | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ShopfloorError("io-error", `cannot read ${file}: ${String(error)}`, {
      path: file,
      cause: error,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ShopfloorError("invalid-input", `${file} is not valid JSON: ${String(error)}`, {
      path: file,
      cause: error,
    });
  }
  const parsed = SuiteIndex.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ShopfloorError(
    "invalid-input",
    `${file} is not a suite index: ${parsed.error.message}`,
    {
      path: file,
    },
  );
}

export async function writeSuiteIndex(file: string, index: SuiteIndex): Promise<void> {
  await writeFileAtomically(file, `${JSON.stringify(index, null, 2)}\n`);
}
