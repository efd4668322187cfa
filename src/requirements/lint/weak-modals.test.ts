import { describe, expect, it } from "vitest";
import { weakModals } from "./weak-modals.js";

const texts = (sentence: string) => weakModals(sentence).map((finding) => finding.text);

describe("weakModals", () => {
  it("finds should, wishes, and may/could/might said of the software", () => {
    expect(texts("The list should be sorted by due date.")).toEqual(["should"]);
    expect(texts("It would be nice to have an export, ideally in PDF.")).toEqual([
      "would be nice",
      "ideally",
    ]);
    expect(texts("The service may return cached results.")).toEqual(["may"]);
    expect(texts("When busy, the command might drop a line.")).toEqual(["might"]);
    expect(weakModals("The API may answer 429.")[0]?.suggestion).toMatch(/'must'/);
  });

  it("leaves a permission given to a client alone", () => {
    expect(texts("Options may also be written --name=value.")).toEqual([]);
    expect(texts("A customer may cancel an order until it has shipped.")).toEqual([]);
    expect(texts("Because a value looks like an option, -- may come before it.")).toEqual([]);
  });

  it("leaves the conditional 'Should …, …' alone", () => {
    expect(texts("Should the provider time out, the order stays pending.")).toEqual([]);
  });
});
