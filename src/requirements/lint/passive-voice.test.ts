import { describe, expect, it } from "vitest";
import { passiveWithoutActor } from "./passive-voice.js";

const texts = (sentence: string) => passiveWithoutActor(sentence).map((finding) => finding.text);

describe("passiveWithoutActor", () => {
  it("finds passive requirements with no actor and nothing observable", () => {
    expect(texts("All input must be validated.")).toEqual(["must be validated"]);
    expect(texts("Old sessions are deleted.")).toEqual(["are deleted"]);
    expect(texts("Data is backed up.")).toEqual(["is backed up"]);
    expect(passiveWithoutActor("Passwords must be hashed.")[0]).toMatchObject({
      rule: "passive-without-actor",
      severity: "info",
    });
  });

  it("leaves passives with an actor alone, but not a means such as email", () => {
    expect(texts("A payment must be confirmed by the payment provider.")).toEqual([]);
    expect(texts("Customers could be notified by email.")).toEqual(["could be notified"]);
  });

  it("leaves passives that say what a caller sees alone", () => {
    expect(texts("A title over 200 characters is refused with 400.")).toEqual([]);
    expect(texts("Titles are stored exactly as sent.")).toEqual([]);
    expect(texts("A reservation must be refused when the product is discontinued.")).toEqual([]);
  });

  it("reads 'can be' as a capability and a present passive of an ordinary verb as a description", () => {
    expect(texts("A todo can be marked as done.")).toEqual([]);
    expect(texts("Invoices are numbered consecutively.")).toEqual([]);
  });
});
