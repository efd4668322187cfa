import { describe, expect, it } from "vitest";
import { ProgressLine } from "./progress-line.js";

describe("ProgressLine", () => {
  it("draws done/total, the pass rate, the rate and the time left on a terminal", () => {
    const written: string[] = [];
    let time = 0;
    const progress = new ProgressLine(
      { isTTY: true, write: (text) => written.push(text) },
      4,
      () => time,
    );
    time = 1000;
    progress.record({ scenario: "a", category: "normal", pass: true, durationMs: 1 });
    time = 2000;
    progress.record({ scenario: "b", category: "normal", pass: false, durationMs: 1 });
    expect(written.at(-1)).toBe("\r\u001b[2K2/4 trials · 50.0% passed · 1.0/s · 2 s left");
    progress.finish();
    expect(written.at(-1)).toBe("\r\u001b[2K");
  });

  it("is silent when the output is not a terminal", () => {
    const written: string[] = [];
    const progress = new ProgressLine(
      { isTTY: false, write: (text) => written.push(text) },
      1,
      () => 0,
    );
    progress.record({ scenario: "a", category: "normal", pass: true, durationMs: 1 });
    progress.finish();
    expect(written).toEqual([]);
  });
});
