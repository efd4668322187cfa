import { describe, expect, it } from "vitest";
import { configTemplate } from "../../cli/commands/init/config-template.js";
import { parseConfig } from "../../contracts/config.js";
import { ShopfloorError } from "../../contracts/errors.js";
import type { LineUp } from "../../contracts/work-item.js";
import { configFormatOf, editConfigText } from "./config-text-edit.js";

const initText = `# Profiles of your own.
profiles: {}
#  strict-admin:
#    extends: admin
`;

describe("editConfigText", () => {
  it("turns `profiles: {}` into a block map for the first profile, and back once it is empty", () => {
    const saved = editConfigText(
      initText,
      "yaml",
      { kind: "save-profile", name: "strict", definition: { extends: "admin", confidence: 0.99 } },
      "config.yaml",
    );
    expect(saved).toBe(`# Profiles of your own.
profiles:
  strict:
    extends: admin
    confidence: 0.99

#  strict-admin:
#    extends: admin
`);

    const deleted = editConfigText(
      saved,
      "yaml",
      { kind: "delete-profile", name: "strict" },
      "config.yaml",
    );
    expect(deleted).toContain("profiles: {}\n");
    expect(deleted).toContain("#  strict-admin:\n#    extends: admin\n");
    expect(parseConfig(deleted, "config.yaml").profiles).toEqual({});
  });

  it("writes into an empty file", () => {
    const text = editConfigText(
      "",
      "yaml",
      { kind: "set-default-profile", name: "payments" },
      "config.yaml",
    );
    expect(parseConfig(text, "config.yaml").defaultProfile).toBe("payments");
  });

  it("refuses a file it cannot edit, saying which", () => {
    const edit = { kind: "save-profile", name: "x", definition: { extends: "admin" } } as const;
    const refusal = (text: string, format: "yaml" | "json") => {
      try {
        editConfigText(text, format, edit, "shopfloor.config.yaml");
      } catch (error) {
        return error;
      }
      throw new Error("the edit was made");
    };

    for (const [text, format] of [
      ["profiles: [unclosed", "yaml"],
      ["profiles: 3\n", "yaml"],
      ["{ not json", "json"],
      ["[1, 2]", "json"],
    ] as const) {
      const error = refusal(text, format);
      expect(error).toBeInstanceOf(ShopfloorError);
      expect((error as ShopfloorError).code).toBe("invalid-config");
      expect((error as ShopfloorError).message).toContain("shopfloor.config.yaml");
    }
  });

  it("sets the line-up in `shopfloor init`'s config under line, keeping its comments, and removes it", () => {
    const template = configTemplate();
    const lineUp: LineUp = {
      pattern: "best-of",
      candidates: 3,
      agents: [{ agent: "claude", model: "sonnet" }, { agent: "scaffold" }],
    };
    const set = (text: string, value: LineUp | null) =>
      editConfigText(text, "yaml", { kind: "set-line-up", lineUp: value }, "config.yaml");

    const saved = set(template, lineUp);

    const config = parseConfig(saved, "config.yaml");
    expect(config.line.lineUp).toEqual(lineUp);
    // The rest of the line section is as it was, and so are the commented examples.
    expect(config.line.concurrency).toEqual(parseConfig(template, "config.yaml").line.concurrency);
    expect(saved).toContain(
      "  #lineUp: { pattern: single, agent: { agent: claude, model: sonnet } }\n",
    );
    expect(saved).toContain("# The line: which agents build");

    const replaced = set(saved, { pattern: "single", agent: { agent: "scaffold" } });
    expect(parseConfig(replaced, "config.yaml").line.lineUp).toEqual({
      pattern: "single",
      agent: { agent: "scaffold" },
    });
    const removed = set(replaced, null);
    expect(parseConfig(removed, "config.yaml").line.lineUp).toBeUndefined();
    expect(removed).toContain("  buildMinutes: 30");
    expect(removed).toContain("#lineUp:");
  });

  it("removes a line-up together with a `line:` it leaves empty, and removing none changes nothing", () => {
    const text =
      "defaultProfile: admin\nline:\n  lineUp: { pattern: single, agent: { agent: llm } }\n";
    const removed = editConfigText(
      text,
      "yaml",
      { kind: "set-line-up", lineUp: null },
      "config.yaml",
    );
    expect(removed).toBe("defaultProfile: admin\n");
    expect(
      editConfigText(removed, "yaml", { kind: "set-line-up", lineUp: null }, "config.yaml"),
    ).toBe(removed);
  });

  it("sets and removes the line-up of a JSON config, keeping the line's other settings", () => {
    const text = `${JSON.stringify({ line: { seed: 7 } })}\n`;
    const lineUp: LineUp = {
      pattern: "fallback",
      agents: [{ agent: "llm" }, { agent: "scaffold" }],
      afterFailures: 2,
    };
    const saved = editConfigText(text, "json", { kind: "set-line-up", lineUp }, "c.json");
    expect(JSON.parse(saved)).toEqual({ line: { seed: 7, lineUp } });
    const removed = editConfigText(saved, "json", { kind: "set-line-up", lineUp: null }, "c.json");
    expect(JSON.parse(removed)).toEqual({ line: { seed: 7 } });
    const empty = editConfigText(
      `${JSON.stringify({ line: { lineUp } })}\n`,
      "json",
      { kind: "set-line-up", lineUp: null },
      "c.json",
    );
    expect(JSON.parse(empty)).toEqual({});
    expect(() =>
      editConfigText('{"line": 3}', "json", { kind: "set-line-up", lineUp }, "c.json"),
    ).toThrow(/c\.json cannot be read as a config/);
  });

  it("knows a JSON config by its name", () => {
    expect(configFormatOf("/project/shopfloor.config.json")).toBe("json");
    expect(configFormatOf("/project/shopfloor.config.yml")).toBe("yaml");
    expect(configFormatOf("/home/factory/config.yaml")).toBe("yaml");
  });
});
