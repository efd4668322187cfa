/**
 * Progress of a long run on a terminal: one line rewritten in place with trials done of total, the pass
 * rate so far, the rate and the time left. Silent when the output is not a terminal (CI logs, pipes).
 */
import type { TrialResult } from "../contracts/trial-result.js";
import { percent } from "../gate/percent.js";

export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

const redrawIntervalMs = 100;

export class ProgressLine {
  readonly #output: ProgressOutput;
  readonly #total: number;
  readonly #now: () => number;
  readonly #started: number;
  #done = 0;
  #passed = 0;
  #lastDrawn = Number.NEGATIVE_INFINITY;

  constructor(output: ProgressOutput, total: number, now: () => number) {
    this.#output = output;
    this.#total = total;
    this.#now = now;
    this.#started = now();
  }

  record(result: TrialResult): void {
    this.#done += 1;
    if (result.pass) this.#passed += 1;
    const time = this.#now();
    if (time - this.#lastDrawn >= redrawIntervalMs || this.#done === this.#total) {
      this.#lastDrawn = time;
      this.draw(time);
    }
  }

  finish(): void {
    if (this.#output.isTTY) this.#output.write("\r\u001b[2K");
  }

  private draw(time: number): void {
    if (!this.#output.isTTY) return;
    const elapsedSeconds = Math.max((time - this.#started) / 1000, 0.001);
    const perSecond = this.#done / elapsedSeconds;
    const remainingSeconds =
      perSecond > 0 ? (this.#total - this.#done) / perSecond : Number.POSITIVE_INFINITY;
    const passRate = this.#done === 0 ? "–" : percent(this.#passed / this.#done);
    const eta = Number.isFinite(remainingSeconds) ? `${Math.ceil(remainingSeconds)} s left` : "";
    this.#output.write(
      `\r\u001b[2K${this.#done}/${this.#total} trials · ${passRate} passed · ${perSecond.toFixed(1)}/s · ${eta}`,
    );
  }
}
