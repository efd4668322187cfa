import { describe, expect, it } from "vitest";
import type { StoredVersion } from "../../../scenarios/store/suite-store.js";
import {
  categoryCounts,
  homeArgument,
  referenceOf,
  shellWord,
  shortTime,
} from "./store-options.js";

describe("store options helpers", () => {
  it("names a version and sums up its counts", () => {
    const stored = {
      name: "todo",
      version: "3f2a9c1b07de",
      counts: { normal: 100, edge: 50, malicious: 30 },
    } as StoredVersion;
    expect(referenceOf(stored)).toBe("todo@3f2a9c1b07de");
    expect(categoryCounts(stored)).toBe("100/50/30");
  });

  it("shows a time to the minute in UTC", () => {
    expect(shortTime("2025-03-01T10:07:59.999Z")).toBe("2025-03-01 10:07 UTC");
  });

  it("repeats --home in a suggested command, quoted for a shell when needed", () => {
    expect(homeArgument({})).toBe("");
    expect(homeArgument({ home: "/srv/factory" })).toBe(" --home /srv/factory");
    expect(shellWord("my home")).toBe("'my home'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
  });
});
