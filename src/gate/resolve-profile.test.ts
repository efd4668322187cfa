import { describe, expect, it } from "vitest";
import { defaultConfig, parseConfig, ShopfloorError } from "../contracts/index.js";
import { builtInProfiles } from "./built-in-profiles.js";
import { resolveProfile, UnknownProfileError } from "./resolve-profile.js";

describe("resolveProfile", () => {
  it("finds the built-in profiles with the article's headline thresholds", () => {
    expect(
      builtInProfiles.map((profile) => [profile.name, profile.categories.normal?.threshold]),
    ).toEqual([
      ["admin", 0.95],
      ["standard", 0.99],
      ["payments", 0.999],
    ]);
    expect(resolveProfile("payments", defaultConfig).categories.malicious?.zeroTolerance).toBe(
      true,
    );
  });

  it("lets a config profile extend another and change only some values", () => {
    const config = parseConfig(
      "profiles:\n  internal:\n    extends: standard\n    confidence: 0.9\n    categories:\n      malicious: { threshold: 0.8 }\n",
      "config.yaml",
    );
    const profile = resolveProfile("internal", config);
    expect(profile).toMatchObject({
      name: "internal",
      confidence: 0.9,
      method: "clopper-pearson",
      categories: {
        normal: { threshold: 0.99, zeroTolerance: false },
        malicious: { threshold: 0.8, zeroTolerance: false },
      },
    });
  });

  it("lets a config profile named like a built-in one change it", () => {
    const config = parseConfig("profiles:\n  admin:\n    confidence: 0.99\n", "config.yaml");
    expect(resolveProfile("admin", config)).toMatchObject({
      confidence: 0.99,
      categories: { normal: { threshold: 0.95 } },
    });
  });

  it("requires a threshold for every category of a profile written from scratch", () => {
    const config = parseConfig(
      "profiles:\n  mine:\n    categories:\n      normal: { zeroTolerance: true }\n",
      "config.yaml",
    );
    expect(() => resolveProfile("mine", config)).toThrow(
      /profiles\.mine\.categories\.normal\.threshold/,
    );
  });

  it("names the known profiles when asked for an unknown one", () => {
    expect(() => resolveProfile("strict", defaultConfig)).toThrow(UnknownProfileError);
    expect(() => resolveProfile("strict", defaultConfig)).toThrow(
      "known profiles: admin, standard, payments",
    );
  });

  it("refuses profiles that extend each other in a circle", () => {
    const config = parseConfig(
      "profiles:\n  a: { extends: b }\n  b: { extends: a }\n",
      "config.yaml",
    );
    expect(() => resolveProfile("a", config)).toThrow(ShopfloorError);
    expect(() => resolveProfile("a", config)).toThrow("a → b → a");
  });
});

describe("resolveProfile keeps what an extension does not change", () => {
  it("keeps zero tolerance when only the threshold changes", () => {
    const config = parseConfig(
      "profiles:\n  cards:\n    extends: payments\n    categories:\n      malicious: { threshold: 0.95 }\n",
      "config.yaml",
    );
    expect(resolveProfile("cards", config).categories.malicious).toEqual({
      threshold: 0.95,
      zeroTolerance: true,
    });
  });
});
