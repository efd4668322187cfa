/** The last part of a stream's text (stderr), kept within a size so a chatty agent cannot fill memory. */

export class OutputTail {
  readonly #limit: number;
  #text = "";

  constructor(limitCharacters: number) {
    this.#limit = limitCharacters;
  }

  push(text: string): void {
    this.#text += text;
    if (this.#text.length > 2 * this.#limit) this.#text = this.#text.slice(-this.#limit);
  }

  toString(): string {
    return this.#text.length > this.#limit ? this.#text.slice(-this.#limit) : this.#text;
  }
}
