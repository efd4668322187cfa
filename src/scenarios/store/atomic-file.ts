/**
 * Writing a file so that a reader sees the old content or the new, never half of it: the text goes to a
 * temporary file beside the target, which is then renamed over it (a rename is atomic on one filesystem).
 */
import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";

/** Only the factory's user may read what the store writes: the suites are the holdout. */
export const privateFileMode = 0o600;
export const privateFolderMode = 0o700;

/** Only the factory's user may read a stored suite, and not even it may change one. */
export const sealedFileMode = 0o400;

export async function writeFileAtomically(
  path: string,
  text: string,
  mode = privateFileMode,
): Promise<void> {
  const temporary = `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, text, { mode, flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
