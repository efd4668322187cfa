import { describe, expect, it } from "vitest";
import { Config } from "../../../../src/contracts/config.js";
import { builtInProfiles } from "../../../../src/gate/built-in-profiles.js";
import { resolveProfile } from "../../../../src/gate/resolve-profile.js";
import { definitionOf, draftOf, nameProblem, percentText, probabilityOf } from "./profile-draft.js";

const payments = builtInProfiles.find((profile) => profile.name === "payments");
if (payments === undefined) throw new Error("the built-in payments profile is missing");
const allCategories = ["normal", "edge", "malicious"] as const;

describe("the profile form's draft", () => {
  it("reads and writes probabilities as percentages without float noise", () => {
    expect(percentText(0.999)).toBe("99.9");
    expect(percentText(0.95)).toBe("95");
    expect(probabilityOf("99.9")).toBe(0.999);
    expect(probabilityOf(" 97 ")).toBe(0.97);
    for (const text of ["0", "100", "101", "", "ninety", "-5"]) {
      expect(probabilityOf(text)).toBeUndefined();
    }
  });

  it("saves a new profile that resolves to what the form showed, with the changed threshold", () => {
    const draft = draftOf("checkout-strict", payments, { extends: "payments" }, allCategories);
    draft.categories.normal.thresholdPercent = "99.95";
    const { definition, problems } = definitionOf(draft);
    expect(problems).toEqual({});
    expect(definition?.extends).toBe("payments");
    const config = Config.parse({ profiles: { "checkout-strict": definition } });
    const resolved = resolveProfile("checkout-strict", config);
    expect(resolved.categories.normal?.threshold).toBe(0.9995);
    expect(resolved.categories.edge).toEqual(payments.categories.edge);
    expect(resolved.categories.malicious?.zeroTolerance).toBe(true);
    expect(resolved.slo).toEqual(payments.slo);
    expect(resolved.intake).toEqual(payments.intake);
  });

  it("keeps what the form does not show from the profile's own definition", () => {
    const own = { extends: "admin", maxAttempts: 1, description: "one build" };
    const oneShot = resolveProfile("one-shot", Config.parse({ profiles: { "one-shot": own } }));
    const { definition } = definitionOf(draftOf("one-shot", oneShot, own, allCategories));
    expect(definition).toMatchObject({ extends: "admin", maxAttempts: 1 });
  });

  it("leaves out a category that is not gated, and names the fields at fault", () => {
    const draft = draftOf("mine", payments, {}, []);
    draft.categories.malicious.gated = false;
    draft.categories.edge.thresholdPercent = "abc";
    draft.categories.normal.confidencePercent = "100";
    draft.sloP95LatencyMs = "0";
    const { definition, problems } = definitionOf(draft);
    expect(definition).toBeUndefined();
    expect(Object.keys(problems).sort()).toEqual([
      "edge.threshold",
      "normal.confidence",
      "slo.p95LatencyMs",
    ]);
    draft.categories.edge.thresholdPercent = "99";
    draft.categories.normal.confidencePercent = "";
    draft.sloP95LatencyMs = "400";
    expect(Object.keys(definitionOf(draft).definition?.categories ?? {})).toEqual([
      "normal",
      "edge",
    ]);
  });

  it("asks a new profile for a name the server takes and no profile has", () => {
    expect(nameProblem("checkout-strict", ["admin"])).toBeUndefined();
    expect(nameProblem("admin", ["admin"])).toBe('there is a profile "admin" already');
    expect(nameProblem("", [])).toMatch(/letters, digits/);
    expect(nameProblem("with space", [])).toMatch(/letters, digits/);
  });
});
