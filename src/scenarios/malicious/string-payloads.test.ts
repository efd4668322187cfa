import { describe, expect, it } from "vitest";
import { payloadFamilies } from "./payload-family.js";
import { payloadSafety } from "./payload-safety.js";
import { payloadsOf, stringPayloads } from "./string-payloads.js";

describe("stringPayloads", () => {
  it.each(payloadFamilies.filter((family) => family !== "naughty-string"))(
    "holds at least 8 payloads of %s",
    (family) => {
      expect(payloadsOf(family).length).toBeGreaterThanOrEqual(8);
    },
  );

  it("holds at least 30 naughty strings", () => {
    expect(payloadsOf("naughty-string").length).toBeGreaterThanOrEqual(30);
  });

  it("never holds the same value twice", () => {
    const values = stringPayloads.map((payload) => payload.value);
    expect(new Set(values).size).toBe(values.length);
  });

  it("gives every payload a one-line note", () => {
    for (const payload of stringPayloads) {
      expect(payload.note.length).toBeGreaterThan(5);
      expect(payload.note).not.toMatch(/[\r\n]/);
    }
  });

  it("derives the flags from the value", () => {
    for (const payload of stringPayloads) {
      const { argvSafe, headerSafe } = payload;
      expect({ argvSafe, headerSafe }).toEqual(payloadSafety(payload.value));
    }
  });

  it("has payloads a command line cannot hold and a header cannot carry", () => {
    expect(stringPayloads.some((payload) => !payload.argvSafe)).toBe(true);
    expect(stringPayloads.some((payload) => !payload.headerSafe && payload.argvSafe)).toBe(true);
    const nul = stringPayloads.find((payload) => payload.value === "\u0000");
    expect(nul).toMatchObject({ argvSafe: false, headerSafe: false });
    const quote = stringPayloads.find((payload) => payload.value === "' OR '1'='1");
    expect(quote).toMatchObject({ family: "sql-injection", argvSafe: true, headerSafe: true });
  });
});
