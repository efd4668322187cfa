import { describe, expect, it } from "vitest";
import { payloadSafety } from "./payload-safety.js";

describe("payloadSafety", () => {
  it("marks a NUL as unsafe for a command line and for a header", () => {
    expect(payloadSafety("a\u0000b")).toEqual({ argvSafe: false, headerSafe: false });
  });

  it("keeps visible ASCII and spaces safe everywhere", () => {
    expect(payloadSafety("' OR '1'='1 ~")).toEqual({ argvSafe: true, headerSafe: true });
    expect(payloadSafety("")).toEqual({ argvSafe: true, headerSafe: true });
  });

  it.each([
    ["a line break", "a\nb"],
    ["a carriage return", "a\rb"],
    ["a tab", "\t"],
    ["a DEL", "\u007f"],
    ["Latin-1 beyond ASCII", "caf\u00e9"],
    ["an astral character", "\u{1F600}"],
    ["the line separator", "\u2028"],
  ])("marks %s as unsafe for a header but fine for a command line", (_, value) => {
    expect(payloadSafety(value)).toEqual({ argvSafe: true, headerSafe: false });
  });
});
