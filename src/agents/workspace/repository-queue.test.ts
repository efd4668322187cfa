import { describe, expect, it } from "vitest";
import { serializeByRepository } from "./repository-queue.js";

function deferred(): { promise: Promise<void>; settle(): void } {
  let settle = () => {};
  const promise = new Promise<void>((resolve) => {
    settle = resolve;
  });
  return { promise, settle };
}

describe("serializeByRepository", () => {
  it("runs one operation at a time per repository, in the order they came", async () => {
    const events: string[] = [];
    const gate = deferred();
    const first = serializeByRepository("/a", async () => {
      events.push("first start");
      await gate.promise;
      events.push("first end");
      return 1;
    });
    const second = serializeByRepository("/a", async () => {
      events.push("second");
      return 2;
    });
    const other = serializeByRepository("/b", async () => {
      events.push("other repository");
      return 3;
    });
    await other;
    expect(events).toEqual(["first start", "other repository"]);
    gate.settle();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(events).toEqual(["first start", "other repository", "first end", "second"]);
  });

  it("goes on after an operation fails", async () => {
    const failed = serializeByRepository("/c", async () => {
      throw new Error("broken");
    });
    const next = serializeByRepository("/c", async () => "ran");
    await expect(failed).rejects.toThrow("broken");
    expect(await next).toBe("ran");
  });
});
