import { describe, expect, it } from "vitest";
import { ShopfloorError } from "../../contracts/errors.js";
import { oversizedText } from "./oversized-text.js";

describe("oversizedText", () => {
  it.each([0, 1, 35, 36, 37, 1024, 1_048_577])("is exactly %i UTF-8 bytes", (bytes) => {
    expect(Buffer.byteLength(oversizedText(bytes), "utf8")).toBe(bytes);
  });

  it("gives the same text for the same size", () => {
    expect(oversizedText(5000)).toBe(oversizedText(5000));
    expect(oversizedText(5000).startsWith(oversizedText(100))).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN])("refuses a size of %s", (bytes) => {
    expect(() => oversizedText(bytes)).toThrow(ShopfloorError);
  });
});
