import { describe, expect, it } from "vitest";
import { waitFor } from "./wait-for.js";

describe("waitFor", () => {
  it("resolves at once when the signal aborts, and at once for a signal already aborted", async () => {
    const controller = new AbortController();
    const waiting = waitFor(60_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(waitFor(60_000, controller.signal)).resolves.toBeUndefined();
  });

  it("resolves after the time when nothing aborts", async () => {
    await expect(waitFor(1, new AbortController().signal)).resolves.toBeUndefined();
  });
});
