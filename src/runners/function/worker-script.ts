/**
 * Where runtime/function-worker.mjs is. This module runs from src/runners/function/ under vitest and from
 * dist/src/runners/function/ when built; the runtime folder sits at the repository root in both cases.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ShopfloorError } from "../../contracts/errors.js";

const candidates = [
  "../../../runtime/function-worker.mjs",
  "../../../../runtime/function-worker.mjs",
];

export function findWorkerScript(
  moduleUrl: string = import.meta.url,
  exists: (path: string) => boolean = existsSync,
): string {
  const paths = candidates.map((candidate) => fileURLToPath(new URL(candidate, moduleUrl)));
  const found = paths.find((path) => exists(path));
  if (found === undefined) {
    throw new ShopfloorError(
      "not-found",
      `the function worker script is missing; looked at ${paths.join(" and ")}`,
      {
        path: paths[0],
      },
    );
  }
  return found;
}
