import { describe, expect, it } from "vitest";
import {
  chromiumUnavailableReason,
  runsInContinuousIntegration,
} from "./describe-with-chromium.js";

describe("describeWithChromium's decisions", () => {
  it("treats CI=true and CI=1 as continuous integration, and an unset, empty or false CI as a laptop", () => {
    expect(runsInContinuousIntegration({ CI: "true" })).toBe(true);
    expect(runsInContinuousIntegration({ CI: "1" })).toBe(true);
    expect(runsInContinuousIntegration({})).toBe(false);
    expect(runsInContinuousIntegration({ CI: "" })).toBe(false);
    expect(runsInContinuousIntegration({ CI: "false" })).toBe(false);
    expect(runsInContinuousIntegration({ CI: "0" })).toBe(false);
  });

  it("says why a browser cannot be started: no such program, or one that fails", async () => {
    expect(await chromiumUnavailableReason("/nonexistent/chromium")).toBe(
      "there is no executable /nonexistent/chromium",
    );
    expect(await chromiumUnavailableReason("/bin/false")).toMatch(
      /^`\/bin\/false --version` failed: /,
    );
  });
});
