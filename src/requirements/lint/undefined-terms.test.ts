import { describe, expect, it } from "vitest";
import { parseSpec } from "../parse-spec.js";
import { readSpecText } from "./spec-text.js";
import { undefinedTerms } from "./undefined-terms.js";

async function findings(prose: string, criteria: string[]) {
  const markdown = [
    "---\nname: shop\nkind: http-service\ndescription: The Shop of Ann.\n---\n\n# Corner Shop\n",
    prose,
    "\n## Acceptance criteria\n",
    ...criteria.map((criterion) => `- ${criterion}`),
    "\n```yaml model\nentities:\n  order:\n    description: A Gift Card purchase.\n    fields:\n      couponCode: { type: string, maxLength: 9 }\n```",
  ].join("\n");
  const spec = await parseSpec(markdown, "shop.md");
  return undefinedTerms(spec, readSpecText(spec, markdown));
}

describe("undefinedTerms", () => {
  it("reports capitalised and quoted terms of criteria that nothing defines, once each", async () => {
    const result = await findings("Orders of a shop.", [
      "A Gold Member gets free shipping: the answer is 200.",
      'An order in the "settlement window" answers 409; a Gold Member too.',
    ]);
    expect(result.map(({ rule, severity, text, line }) => [rule, severity, text, line])).toEqual([
      ["undefined-term", "info", "Gold Member", 13],
      ["undefined-term", "info", "settlement window", 14],
    ]);
  });

  it("accepts terms the prose, the title, the description or the model mention", async () => {
    const result = await findings("A Platinum customer pays nothing for shipping.", [
      "A Platinum customer of the Corner Shop answers 200.",
      "A Gift Card order with a Coupon Code answers 201, and Ann is told.",
    ]);
    expect(result).toEqual([]);
  });

  it("skips words that start a sentence, technical acronyms, code and the prose itself", async () => {
    const result = await findings("Orders of a shop.", [
      'Creating an order answers 201 with JSON over HTTP: `POST /orders {"note": "Big Box"}` → 201.',
    ]);
    expect(result).toEqual([]);
    expect(await findings("Every Tuesday the Warehouse Team counts.", [])).toEqual([]);
  });
});
