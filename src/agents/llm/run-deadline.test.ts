import { describe, expect, it } from "vitest";
import { RunDeadline } from "./run-deadline.js";
import type { Timers } from "./run-sandboxed-command.js";

function manualTimers() {
  const scheduled: { callback: () => void; milliseconds: number; cleared: boolean }[] = [];
  const timers: Timers = {
    setTimeout: (callback, milliseconds) => {
      const entry = { callback, milliseconds, cleared: false };
      scheduled.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
  };
  return { timers, scheduled };
}

describe("RunDeadline", () => {
  it("aborts as timed-out when the wall clock runs out", () => {
    const { timers, scheduled } = manualTimers();
    const deadline = new RunDeadline(new AbortController().signal, 5_000, timers);
    expect(scheduled[0]?.milliseconds).toBe(5_000);
    expect(deadline.signal.aborted).toBe(false);
    scheduled[0]?.callback();
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.cause).toBe("timed-out");
  });

  it("aborts as cancelled when the caller aborts, and keeps the first cause", () => {
    const { timers, scheduled } = manualTimers();
    const caller = new AbortController();
    const deadline = new RunDeadline(caller.signal, 5_000, timers);
    caller.abort();
    scheduled[0]?.callback();
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.cause).toBe("cancelled");
  });

  it("never asks for a timer longer than Node can keep", () => {
    const { timers, scheduled } = manualTimers();
    new RunDeadline(new AbortController().signal, 90 * 24 * 3_600_000, timers);
    expect(scheduled[0]?.milliseconds).toBe(2 ** 31 - 1);
  });

  it("is cancelled from the start when the caller's signal already is", () => {
    const { timers } = manualTimers();
    const deadline = new RunDeadline(AbortSignal.abort(), 5_000, timers);
    expect(deadline.cause).toBe("cancelled");
  });

  it("stops its timer and stops listening once disposed", () => {
    const { timers, scheduled } = manualTimers();
    const caller = new AbortController();
    const deadline = new RunDeadline(caller.signal, 5_000, timers);
    deadline.dispose();
    expect(scheduled[0]?.cleared).toBe(true);
    caller.abort();
    expect(deadline.signal.aborted).toBe(false);
  });
});
