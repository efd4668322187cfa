import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withLock } from "./store-lock.js";

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "shopfloor-lock-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const now = () => new Date("2025-03-01T10:00:00.000Z");

describe("withLock", () => {
  it("runs one holder at a time and removes the lock after", async () => {
    const lock = join(folder, "serial.lock");
    const events: string[] = [];
    const holder = (name: string) =>
      withLock(lock, { now }, async () => {
        events.push(`${name} in`);
        const content = JSON.parse(await readFile(lock, "utf8"));
        expect(content).toEqual({ pid: process.pid, createdAt: "2025-03-01T10:00:00.000Z" });
        events.push(`${name} out`);
      });
    await Promise.all(["a", "b", "c", "d"].map(holder));
    for (let index = 0; index < events.length; index += 2) {
      expect(events[index]?.replace(" in", "")).toBe(events[index + 1]?.replace(" out", ""));
    }
    await expect(stat(lock)).rejects.toThrow();
  });

  it("releases the lock when the work fails", async () => {
    const lock = join(folder, "failing.lock");
    await expect(
      withLock(lock, { now }, async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await expect(stat(lock)).rejects.toThrow();
  });

  it("takes over a lock older than 30 seconds", async () => {
    const lock = join(folder, "stale.lock");
    await writeFile(lock, JSON.stringify({ pid: 1, createdAt: "2025-03-01T09:59:30.000Z" }));
    expect(await withLock(lock, { now }, async () => "ran")).toBe("ran");
  });
});
