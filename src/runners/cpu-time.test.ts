import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cpuSecondsUsed } from "./cpu-time.js";

describe("cpuSecondsUsed", () => {
  it("reads the children's user and system ticks after the command name, spaces and all", () => {
    // pid (comm) state ppid … utime(14) stime(15) cutime(16) cstime(17) …
    const stat = "42 (node worker 1) S 1 42 42 0 -1 4194560 100 0 0 0 300 50 250 150 20 0 1 0";
    const withoutChildren = cpuSecondsUsed(() => "42 (x) S 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0");
    expect(cpuSecondsUsed(() => stat) - withoutChildren).toBeCloseTo(4, 1);
  });

  it("counts what a finished child process spent", () => {
    const before = cpuSecondsUsed();
    execFileSync(process.execPath, [
      "-e",
      "const end = Date.now() + 300; while (Date.now() < end);",
    ]);
    expect(cpuSecondsUsed() - before).toBeGreaterThan(0.2);
  });

  it("is this process's own time where there is no /proc", () => {
    const used = cpuSecondsUsed(() => {
      throw new Error("no /proc");
    });
    expect(used).toBeGreaterThan(0);
  });
});
