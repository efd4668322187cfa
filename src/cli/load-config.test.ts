import { describe, expect, it } from "vitest";
import { defaultConfig } from "../contracts/index.js";
import type { CliIo } from "./cli-io.js";
import { findConfig, loadConfig } from "./load-config.js";

function memoryIo(files: Record<string, string>, environment: Record<string, string> = {}): CliIo {
  return {
    stdout: () => undefined,
    stderr: () => undefined,
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`no file ${path}`);
      return text;
    },
    exists: async (path) => files[path] !== undefined,
    workingDirectory: "/project",
    environment,
    progress: { isTTY: false, write: () => true },
  };
}

describe("loadConfig", () => {
  it("reads --config first, then the working directory, then the factory home", async () => {
    const files = {
      "/project/explicit.yaml": "defaultProfile: explicit\n",
      "/project/shopfloor.config.yml": "defaultProfile: working-directory\n",
      "/project/.shopfloor/config.yaml": "defaultProfile: home\n",
    };
    const io = memoryIo(files);
    expect((await loadConfig(io, "/project/explicit.yaml")).defaultProfile).toBe("explicit");
    expect((await loadConfig(io, undefined)).defaultProfile).toBe("working-directory");
    const { "/project/shopfloor.config.yml": _, ...withoutLocal } = files;
    const found = await findConfig(memoryIo(withoutLocal), undefined);
    expect(found.config.defaultProfile).toBe("home");
    expect(found.path).toBe("/project/.shopfloor/config.yaml");
    expect(found.folder).toBe("/project/.shopfloor");
  });

  it("finds the home's config under --home, else under $SHOPFLOOR_HOME", async () => {
    const files = {
      "/factories/a/config.yaml": "defaultProfile: from-a\n",
      "/factories/b/config.yaml": "defaultProfile: from-b\n",
    };
    const io = memoryIo(files, { SHOPFLOOR_HOME: "/factories/b" });
    expect((await loadConfig(io, undefined, "/factories/a")).defaultProfile).toBe("from-a");
    expect((await loadConfig(io, undefined)).defaultProfile).toBe("from-b");
  });

  it("falls back to the defaults, relative to the working directory, when there is no file", async () => {
    const found = await findConfig(memoryIo({}), undefined);
    expect(found).toEqual({ config: defaultConfig, folder: "/project" });
  });

  it("names the home's config file when it is not valid", async () => {
    const io = memoryIo({ "/project/.shopfloor/config.yaml": "budget:\n  dailyUsd: -1\n" });
    await expect(loadConfig(io, undefined)).rejects.toThrow(/\.shopfloor\/config\.yaml/);
  });
});
