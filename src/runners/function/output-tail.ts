/**
 * The last lines a worker wrote to stderr, kept so that a crash report can show why it died (an uncaught
 * exception's stack, a sandbox's complaint) without holding everything a noisy program prints.
 */

export class OutputTail {
  readonly #maximumCharacters: number;
  readonly #maximumLines: number;
  #text = "";

  constructor(maximumLines = 20, maximumCharacters = 4_000) {
    this.#maximumLines = maximumLines;
    this.#maximumCharacters = maximumCharacters;
  }

  append(chunk: string): void {
    this.#text = (this.#text + chunk).slice(-this.#maximumCharacters);
  }

  lines(): string[] {
    const lines = this.#text.split("\n").filter((line) => line.trim().length > 0);
    return lines.slice(-this.#maximumLines);
  }
}
