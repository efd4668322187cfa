import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Config, defaultConfig, parseConfig } from "../../contracts/config.js";
import { ShopfloorError } from "../../contracts/errors.js";
import { resolveProfile } from "../../gate/resolve-profile.js";
import { ConfigFileSettings } from "./config-file-settings.js";

const commentedConfig = `# The factory's config, kept by hand.
defaultProfile: admin # gate with admin unless told otherwise

# Profiles of our own.
profiles: {}
#  strict-admin:
#    extends: admin

budget:
  dailyUsd: 250 # a small factory
`;

let folder: string;
let applied: Config[];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-settings-"));
  applied = [];
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function settingsOn(path: string | undefined, apply?: (config: Config) => Promise<void>) {
  const config = path === undefined ? defaultConfig : parseConfig(readFileSync(path, "utf8"), path);
  return new ConfigFileSettings({
    found: path === undefined ? { config } : { config, path },
    home: folder,
    apply:
      apply ??
      (async (next) => {
        applied.push(next);
      }),
  });
}

function writeConfig(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

async function failureOf(promise: Promise<unknown>): Promise<ShopfloorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ShopfloorError))
    throw new Error(`expected a ShopfloorError, got ${error}`);
  return error;
}

describe("ConfigFileSettings", () => {
  it("saves a profile into a YAML config, keeping its comments and order, and applies it", async () => {
    const path = writeConfig("shopfloor.config.yaml", commentedConfig);
    const settings = settingsOn(path);

    const config = await settings.saveProfile("strict", {
      extends: "admin",
      categories: { edge: { threshold: 0.95 } },
    });

    const text = readFileSync(path, "utf8");
    expect(text).toContain("# The factory's config, kept by hand.");
    expect(text).toContain("defaultProfile: admin # gate with admin unless told otherwise");
    expect(text).toContain("#  strict-admin:");
    expect(text).toContain("dailyUsd: 250 # a small factory");
    expect(text.indexOf("profiles:")).toBeLessThan(text.indexOf("budget:"));
    expect(parseConfig(text, path).profiles.strict).toEqual({
      extends: "admin",
      categories: { edge: { threshold: 0.95 } },
    });
    expect(resolveProfile("strict", config).categories.edge?.threshold).toBe(0.95);
    expect(applied).toEqual([config]);
    expect(settings.config()).toBe(config);
    expect(settings.path).toBe(path);
  });

  it("refuses an invalid profile, naming the field, and leaves the file untouched", async () => {
    const path = writeConfig("shopfloor.config.yaml", commentedConfig);
    const settings = settingsOn(path);

    const error = await failureOf(
      settings.saveProfile("strict", { categories: { normal: { threshold: 1.5 } } }),
    );

    expect(error.code).toBe("invalid-input");
    expect(error.field).toBe("profiles.strict.categories.normal.threshold");
    expect(readFileSync(path, "utf8")).toBe(commentedConfig);
    expect(applied).toEqual([]);
  });

  it("refuses a profile that does not resolve (no category gated)", async () => {
    const path = writeConfig("shopfloor.config.yaml", commentedConfig);
    const settings = settingsOn(path);

    const error = await failureOf(settings.saveProfile("bare", { description: "gates nothing" }));

    expect(error.code).toBe("invalid-config");
    expect(error.field).toBe("profiles.bare.categories");
    expect(readFileSync(path, "utf8")).toBe(commentedConfig);
  });

  it("overrides a built-in profile's values when saved under its name", async () => {
    const path = writeConfig("shopfloor.config.yaml", commentedConfig);
    const config = await settingsOn(path).saveProfile("standard", {
      categories: { normal: { threshold: 0.995 } },
    });

    const standard = resolveProfile("standard", config);
    expect(standard.categories.normal?.threshold).toBe(0.995);
    expect(standard.categories.edge?.threshold).toBe(0.97);
  });

  it("writes a JSON config as JSON", async () => {
    const path = writeConfig(
      "shopfloor.config.json",
      `${JSON.stringify({ defaultProfile: "admin", budget: { dailyUsd: 50 } }, null, 2)}\n`,
    );
    const settings = settingsOn(path);

    await settings.saveProfile("strict", { extends: "standard", confidence: 0.99 });
    await settings.setDefaultProfile("strict");

    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({
      defaultProfile: "strict",
      budget: { dailyUsd: 50 },
      profiles: { strict: { extends: "standard", confidence: 0.99 } },
    });
  });

  it("creates the home's config.yaml (private) when no config file was read", async () => {
    const settings = settingsOn(undefined);
    const homeConfig = join(folder, "config.yaml");
    expect(settings.path).toBe(homeConfig);
    expect(existsSync(homeConfig)).toBe(false);

    await settings.saveProfile("quick", { extends: "admin", maxTrialRounds: 1 });

    expect(parseConfig(readFileSync(homeConfig, "utf8"), homeConfig).profiles).toEqual({
      quick: { extends: "admin", maxTrialRounds: 1 },
    });
    expect(statSync(homeConfig).mode & 0o777).toBe(0o600);
  });

  it("keeps the file's mode", async () => {
    const path = writeConfig("shopfloor.config.yaml", commentedConfig);
    chmodSync(path, 0o640);

    await settingsOn(path).setDefaultProfile("payments");

    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readFileSync(path, "utf8")).toContain(
      "defaultProfile: payments # gate with admin unless told otherwise",
    );
  });

  it("refuses an unknown default profile", async () => {
    const path = writeConfig("shopfloor.config.yaml", commentedConfig);

    const error = await failureOf(settingsOn(path).setDefaultProfile("nonesuch"));

    expect(error.code).toBe("not-found");
    expect(readFileSync(path, "utf8")).toBe(commentedConfig);
  });

  it("deletes a user's profile, and refuses built-in, unknown and default ones", async () => {
    const path = writeConfig("shopfloor.config.yaml", commentedConfig);
    const settings = settingsOn(path);
    await settings.saveProfile("strict", { extends: "admin", confidence: 0.99 });
    await settings.saveProfile("mine", { extends: "admin" });
    await settings.setDefaultProfile("mine");

    expect((await failureOf(settings.deleteProfile("payments"))).code).toBe("invalid-argument");
    expect((await failureOf(settings.deleteProfile("nonesuch"))).code).toBe("not-found");
    const defaultRefusal = await failureOf(settings.deleteProfile("mine"));
    expect(defaultRefusal.message).toContain("default profile");

    const config = await settings.deleteProfile("strict");

    expect(Object.keys(config.profiles)).toEqual(["mine"]);
    expect(parseConfig(readFileSync(path, "utf8"), path).profiles.strict).toBeUndefined();
    expect(readFileSync(path, "utf8")).toContain("#  strict-admin:");
  });

  it("puts the file back when the line refuses the new config", async () => {
    const path = writeConfig("shopfloor.config.yaml", commentedConfig);
    const settings = settingsOn(path, async () => {
      throw new ShopfloorError("invalid-config", "the line cannot open on this config");
    });

    const error = await failureOf(settings.saveProfile("strict", { extends: "admin" }));

    expect(error.message).toContain("cannot open");
    expect(readFileSync(path, "utf8")).toBe(commentedConfig);
    expect(settings.config().profiles).toEqual({});
  });

  it("saves a line-up under line, keeping the comments, applies it, and removes it", async () => {
    const path = writeConfig("shopfloor.config.yaml", commentedConfig);
    const settings = settingsOn(path);
    const lineUp = { pattern: "single" as const, agent: { agent: "scaffold" } };

    const config = await settings.saveLineUp(lineUp);

    expect(config.line.lineUp).toEqual(lineUp);
    expect(parseConfig(readFileSync(path, "utf8"), path).line.lineUp).toEqual(lineUp);
    expect(readFileSync(path, "utf8")).toContain("dailyUsd: 250 # a small factory");
    expect(applied).toEqual([config]);

    const removed = await settings.saveLineUp(null);

    expect(removed.line.lineUp).toBeUndefined();
    expect(readFileSync(path, "utf8")).toBe(commentedConfig);
    expect(settings.config()).toBe(removed);
  });

  it("refuses a line-up the config does not accept, naming the field, and leaves the file", async () => {
    const path = writeConfig("shopfloor.config.yaml", commentedConfig);
    const settings = settingsOn(path);

    const error = await failureOf(
      settings.saveLineUp({ pattern: "best-of", candidates: 1, agents: [{ agent: "scaffold" }] }),
    );

    expect(error.code).toBe("invalid-input");
    expect(error.field).toBe("line.lineUp.candidates");
    expect(readFileSync(path, "utf8")).toBe(commentedConfig);
    expect(applied).toEqual([]);
  });

  it("makes concurrent changes one after the other, losing none", async () => {
    const path = writeConfig("shopfloor.config.yaml", commentedConfig);
    const settings = settingsOn(path);

    await Promise.all(
      ["one", "two", "three", "four"].map((name) =>
        settings.saveProfile(name, { extends: "admin", description: name }),
      ),
    );

    const saved = parseConfig(readFileSync(path, "utf8"), path).profiles;
    expect(Object.keys(saved).sort()).toEqual(["four", "one", "three", "two"]);
    expect(applied).toHaveLength(4);
  });
});
