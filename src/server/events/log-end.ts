/**
 * The sequence of the newest event in the log (0 when it is empty), where a stream that wants only new
 * events starts. The log is read only forwards (`after`, `limit`), so this searches: doubling, then
 * halving, asking each time whether any event lies after a sequence. That takes about 2·log2(N) reads of
 * one event each instead of reading N events; sequences only grow, so the question has one turning point.
 */
import type { LineEvent } from "../../contracts/line-event.js";

export type ReadEvents = (afterSequence: number, limit: number) => Promise<LineEvent[]>;

export async function lastSequence(read: ReadEvents): Promise<number> {
  /** The first event after the sequence, if any: a sequence below it has events after it too. */
  const firstAfter = async (sequence: number) => (await read(sequence, 1))[0]?.sequence;
  const first = await firstAfter(0);
  if (first === undefined) return 0;
  // Invariant: an event lies after `below`, none after `atOrAbove`; the newest is in (below, atOrAbove].
  let below = first - 1;
  let atOrAbove = first;
  for (;;) {
    const next = await firstAfter(atOrAbove);
    if (next === undefined) break;
    below = next - 1;
    atOrAbove = Math.max(next, atOrAbove * 2);
  }
  while (atOrAbove - below > 1) {
    const middle = Math.floor((below + atOrAbove) / 2);
    const next = await firstAfter(middle);
    if (next === undefined) atOrAbove = middle;
    else below = next - 1;
  }
  return atOrAbove;
}
