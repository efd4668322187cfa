import { describe, expect, it } from "vitest";
import { thrown } from "../../test/support/thrown.js";
import { defaultConfig, parseConfig } from "./config.js";
import { InvalidInputError } from "./invalid-input.js";

function rejection(text: string): InvalidInputError {
  return thrown(() => parseConfig(text, "shopfloor.config.yaml"), InvalidInputError);
}

describe("parseConfig", () => {
  it("gives the article's defaults when the file is empty", () => {
    expect(parseConfig("", "empty.yaml")).toEqual(defaultConfig);
    expect(defaultConfig.defaultProfile).toBe("admin");
    expect(defaultConfig.budget).toEqual({
      dailyUsd: 1000,
      split: { inference: 0.3, testing: 0.4, ci: 0.15, monitoring: 0.15 },
      timeZone: "UTC",
    });
  });

  it("reads profiles of the user's own from YAML", () => {
    const config = parseConfig(
      [
        "defaultProfile: internal",
        "profiles:",
        "  internal:",
        "    extends: admin",
        "    confidence: 0.9",
        "    categories:",
        "      malicious: { threshold: 0.8 }",
      ].join("\n"),
      "shopfloor.config.yaml",
    );
    expect(config.defaultProfile).toBe("internal");
    expect(config.profiles.internal).toEqual({
      extends: "admin",
      confidence: 0.9,
      categories: { malicious: { threshold: 0.8 } },
    });
  });

  it("reads a profile's intake minimum, from 0 to 100", () => {
    const config = parseConfig(
      "profiles:\n  internal:\n    extends: admin\n    intake: { minimumScore: 50 }\n",
      "shopfloor.config.yaml",
    );
    expect(config.profiles.internal?.intake).toEqual({ minimumScore: 50 });
    const error = rejection("profiles:\n  strict:\n    intake: { minimumScore: 120 }\n");
    expect(error.field).toBe("profiles.strict.intake.minimumScore");
    expect(error.line).toBe(3);
  });

  it("reads JSON too", () => {
    expect(
      parseConfig('{"budget": {"dailyUsd": 250}}', "shopfloor.config.json").budget.dailyUsd,
    ).toBe(250);
  });

  it("names the line and the field of a bad value", () => {
    const error = rejection(
      ["profiles:", "  strict:", "    categories:", "      normal:", "        threshold: 1.5"].join(
        "\n",
      ),
    );
    expect(error.line).toBe(5);
    expect(error.field).toBe("profiles.strict.categories.normal.threshold");
  });

  it("rejects unknown keys, which are usually typos", () => {
    const error = rejection("budget:\n  daily: 100\n");
    expect(error.problems[0]).toMatchObject({ line: 2 });
    expect(error.message).toContain("daily");
  });

  it("rejects a budget split that does not add up to 1", () => {
    const error = rejection(
      "budget:\n  split: { inference: 0.5, testing: 0.5, ci: 0.1, monitoring: 0.1 }\n",
    );
    expect(error.field).toBe("budget.split");
    expect(error.message).toContain("add up to 1");
  });

  it("reports YAML syntax errors with their line", () => {
    const error = rejection("profiles:\n  a: [unclosed\n");
    expect(error.field).toBe("(syntax)");
    expect(error.line).toBeGreaterThanOrEqual(2);
  });
});
