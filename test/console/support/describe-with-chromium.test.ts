import { describe, expect, it } from "vitest";
import { chromiumUnavailableReason } from "./describe-with-chromium.js";

describe("describeWithChromium's check", () => {
  it("says why a browser cannot be started: no such program, or one that fails", async () => {
    expect(await chromiumUnavailableReason("/nonexistent/chromium")).toBe(
      "there is no executable /nonexistent/chromium",
    );
    expect(await chromiumUnavailableReason("/bin/false")).toMatch(
      /^`\/bin\/false --version` failed: /,
    );
  });
});
