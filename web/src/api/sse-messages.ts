/**
 * Server-Sent Events read from a byte stream in arbitrary chunks: `push(chunk)` gives the data of every
 * message the chunk completed (a message ends at a blank line; its `data:` lines are joined with "\n";
 * comments such as `: ping` and messages without data give nothing). CRLF and CR line ends are allowed,
 * as the format says, even when a CRLF is split across two chunks.
 */
export class SseMessages {
  private buffer = "";

  push(chunk: string): string[] {
    this.buffer += chunk;
    // A CR at the very end may be the first half of a CRLF: wait for the next chunk to tell.
    const pendingCr = this.buffer.endsWith("\r");
    const normalised = (pendingCr ? this.buffer.slice(0, -1) : this.buffer).replace(/\r\n?/g, "\n");
    const messages = normalised.split("\n\n");
    this.buffer = (messages.pop() ?? "") + (pendingCr ? "\r" : "");
    return messages.map(dataOf).filter((data) => data !== undefined);
  }
}

function dataOf(message: string): string | undefined {
  const lines = message
    .split("\n")
    .filter((line) => line === "data" || line.startsWith("data:"))
    .map((line) => line.slice(5).replace(/^ /, ""));
  return lines.length === 0 ? undefined : lines.join("\n");
}
