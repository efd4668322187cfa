import { describe, expect, it } from "vitest";
import type { LineEvent } from "../../contracts/line-event.js";
import { lastSequence } from "./log-end.js";

/** A log holding events with these sequences, counting its reads. */
function log(sequences: number[]) {
  const reads: number[] = [];
  const read = async (afterSequence: number, limit: number) => {
    reads.push(afterSequence);
    return sequences
      .filter((sequence) => sequence > afterSequence)
      .slice(0, limit)
      .map((sequence) => ({ sequence }) as LineEvent);
  };
  return { read, reads };
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe("the end of the event log", () => {
  it("is 0 for an empty log", async () => {
    expect(await lastSequence(log([]).read)).toBe(0);
  });

  it("is the newest sequence, whatever the log's length", async () => {
    for (const length of [1, 2, 3, 7, 8, 9, 100, 1_023, 1_024, 1_025]) {
      expect(await lastSequence(log(range(1, length)).read)).toBe(length);
    }
  });

  it("is found across gaps in the numbering (rolled-back writes leave holes)", async () => {
    expect(await lastSequence(log([4, 5, 9, 40, 41, 300]).read)).toBe(300);
    expect(await lastSequence(log([17]).read)).toBe(17);
  });

  it("takes a few reads of one event, not one read per event", async () => {
    const big = log(range(1, 100_000));
    expect(await lastSequence(big.read)).toBe(100_000);
    expect(big.reads.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(100_000)) + 2);
  });
});
