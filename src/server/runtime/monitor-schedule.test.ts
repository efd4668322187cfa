import { describe, expect, it } from "vitest";
import type { MonitorCycleReport } from "../../line/factory-line.js";
import { scheduleMonitorCycles } from "./monitor-schedule.js";

/** A wait the test ends by hand (or the schedule's stop does): no clock. */
function manualWaits() {
  const waits: { milliseconds: number; end: () => void }[] = [];
  let waiting: () => void = () => undefined;
  const next = () =>
    new Promise<void>((resolve) => {
      waiting = resolve;
    });
  let arrived = next();
  return {
    waits,
    wait: (milliseconds: number, signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        waits.push({ milliseconds, end: resolve });
        signal.addEventListener("abort", () => resolve(), { once: true });
        waiting();
      }),
    /** Resolves when the schedule has started its next wait. */
    async waited() {
      await arrived;
      arrived = next();
    },
  };
}

const report = (cycle: number): MonitorCycleReport => ({
  cycle,
  at: "2026-12-01T10:00:00.000Z",
  checks: [],
});

describe("monitor cycles on a schedule", () => {
  it("runs a cycle at once, then one per interval, and keeps going after a failed cycle", async () => {
    const waits = manualWaits();
    const outcomes: string[] = [];
    let calls = 0;
    const schedule = scheduleMonitorCycles({
      intervalMs: 30_000,
      cycle: async () => {
        calls += 1;
        if (calls === 2) throw new Error("the host daemon is restarting");
        return report(calls);
      },
      onReport: (done) => outcomes.push(`cycle ${done.cycle}`),
      onFailure: (error) => outcomes.push(`failed: ${(error as Error).message}`),
      wait: waits.wait,
    });
    await waits.waited();
    expect(outcomes).toEqual(["cycle 1"]);
    waits.waits[0]?.end();
    await waits.waited();
    waits.waits[1]?.end();
    await waits.waited();
    expect(outcomes).toEqual(["cycle 1", "failed: the host daemon is restarting", "cycle 3"]);
    expect(waits.waits.map((wait) => wait.milliseconds)).toEqual([30_000, 30_000, 30_000]);
    await schedule.stop();
    expect(calls).toBe(3);
  });

  it("lets a running cycle finish when it stops, and starts no other", async () => {
    const waits = manualWaits();
    let finishCycle: (done: MonitorCycleReport) => void = () => undefined;
    let cycles = 0;
    const reported: number[] = [];
    const schedule = scheduleMonitorCycles({
      intervalMs: 1_000,
      cycle: () => {
        cycles += 1;
        return new Promise((resolve) => {
          finishCycle = resolve;
        });
      },
      onReport: (done) => reported.push(done.cycle),
      onFailure: () => undefined,
      wait: waits.wait,
    });
    const stopped = schedule.stop();
    finishCycle(report(1));
    await stopped;
    expect(reported).toEqual([1]);
    expect(cycles).toBe(1);
    expect(waits.waits).toHaveLength(0);
  });
});
