import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countTasksOfUser } from "./user-tasks.js";

function ownThreadCount(): number {
  return Number(/^Threads:\s+(\d+)/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1]);
}

// shopfloor runs on Linux (bubblewrap is Linux-only), where /proc is always there.
describe("countTasksOfUser", () => {
  it("counts every thread of the user's processes, this test's own included", async () => {
    const uid = process.getuid?.() ?? 0;
    expect(await countTasksOfUser(uid)).toBeGreaterThanOrEqual(ownThreadCount());
  });

  it("is zero for a user that runs nothing", async () => {
    expect(await countTasksOfUser(1_999_999_999)).toBe(0);
  });
});
