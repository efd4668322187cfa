/**
 * Cutting a byte stream into text lines as it arrives: UTF-8 characters split across chunks are kept
 * whole, `\r\n` counts as one end of line, and the last line need not end with one.
 */
import { StringDecoder } from "node:string_decoder";

export class LineSplitter {
  readonly #decoder = new StringDecoder("utf8");
  readonly #onLine: (line: string) => void;
  #pending = "";

  constructor(onLine: (line: string) => void) {
    this.#onLine = onLine;
  }

  push(chunk: Buffer): void {
    this.#pending += this.#decoder.write(chunk);
    let end = this.#pending.indexOf("\n");
    while (end !== -1) {
      this.#onLine(withoutCarriageReturn(this.#pending.slice(0, end)));
      this.#pending = this.#pending.slice(end + 1);
      end = this.#pending.indexOf("\n");
    }
  }

  /** Hands over the last line when the stream ended without a line break. */
  end(): void {
    this.#pending += this.#decoder.end();
    if (this.#pending !== "") this.#onLine(withoutCarriageReturn(this.#pending));
    this.#pending = "";
  }
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
