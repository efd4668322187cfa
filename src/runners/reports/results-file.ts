/**
 * Trial results as JSON Lines, written as each trial ends with one write call per line, so that a run
 * killed halfway leaves every finished trial on disk. The file is what `shopfloor gate` reads.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import type { TrialResult } from "../../contracts/trial-result.js";

export class ResultsFile {
  readonly path: string;
  #descriptor: number | undefined;

  constructor(path: string) {
    this.path = path;
    mkdirSync(dirname(path), { recursive: true });
    this.#descriptor = openSync(path, "w");
  }

  write(result: TrialResult): void {
    if (this.#descriptor === undefined) throw new Error(`${this.path} is already closed`);
    writeSync(this.#descriptor, `${JSON.stringify(result)}\n`);
  }

  close(): void {
    if (this.#descriptor === undefined) return;
    closeSync(this.#descriptor);
    this.#descriptor = undefined;
  }
}
