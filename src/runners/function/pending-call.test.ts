import { describe, expect, it } from "vitest";
import { PendingCall } from "./pending-call.js";

const request = { module: "/code/math.mjs", export: "add", args: [1, 2], timeoutMs: 100 };
const observation = {
  kind: "function" as const,
  export: "add",
  args: [1, 2],
  returned: 3,
  durationMs: 1,
};

describe("PendingCall", () => {
  it("settles once: later answers are ignored", async () => {
    const call = new PendingCall(1, request, "{}\n");
    call.resolve(observation);
    call.reject(new Error("too late"));
    call.resolve({ ...observation, returned: 4 });
    await expect(call.promise).resolves.toEqual(observation);
    expect(call.settled).toBe(true);
  });

  it("runs its settle actions exactly once", () => {
    const call = new PendingCall(1, request, "{}\n");
    let runs = 0;
    call.onSettle(() => {
      runs += 1;
    });
    call.reject(new Error("closed"));
    call.resolve(observation);
    expect(runs).toBe(1);
    return expect(call.promise).rejects.toThrow("closed");
  });
});
