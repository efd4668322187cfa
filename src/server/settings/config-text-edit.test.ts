import { describe, expect, it } from "vitest";
import { parseConfig } from "../../contracts/config.js";
import { ShopfloorError } from "../../contracts/errors.js";
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

  it("knows a JSON config by its name", () => {
    expect(configFormatOf("/project/shopfloor.config.json")).toBe("json");
    expect(configFormatOf("/project/shopfloor.config.yml")).toBe("yaml");
    expect(configFormatOf("/home/factory/config.yaml")).toBe("yaml");
  });
});
