import { describe, expect, it } from "vitest";
import { FieldDefinition } from "../../contracts/spec.js";
import { fitText, repeatText, stringDrafts } from "./text-boundary-cases.js";

describe("text boundary drafts", () => {
  it("repeats and fits text by code points", () => {
    expect(repeatText("😀a", 3)).toBe("😀a😀");
    const field = FieldDefinition.parse({ type: "string", minLength: 4, maxLength: 5 });
    expect(fitText("ab", field)).toBe("abxx");
    expect(fitText("🚀🚀🚀🚀🚀🚀", field)).toBe("🚀🚀🚀🚀🚀");
  });

  it("offers very long text when there is no maximum", () => {
    const drafts = stringDrafts(FieldDefinition.parse("string"));
    const long = drafts.find((draft) => draft.label === "very-long");
    expect([...String(long?.value)]).toHaveLength(5000);
  });
});
