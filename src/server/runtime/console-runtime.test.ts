import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeFactoryLine } from "../../../test/support/line-cli/line-fake.js";
import { type Config, defaultConfig } from "../../contracts/config.js";
import { AccessTokens } from "../access/access-tokens.js";
import { firstManagerToken, openConsoleRuntime } from "./console-runtime.js";

let home: string;
let opened: { line: FakeFactoryLine; config: Config; onEvent: () => void }[];

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-console-runtime-"));
  opened = [];
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function runtimeOnDefaults() {
  return openConsoleRuntime({
    home,
    found: { config: defaultConfig },
    work: false,
    now: () => new Date("2026-12-01T10:00:00.000Z"),
    lineOptions: (config) => ({ home, config, environment: {}, projectFolder: home }),
    openLine: async (config, onEvent) => {
      const line = new FakeFactoryLine({ home, config, environment: {}, projectFolder: home }, {});
      opened.push({ line, config, onEvent });
      return line;
    },
  });
}

describe("the console's runtime", () => {
  it("opens the line on the config found, and wakes the event streams when it writes an event", async () => {
    const runtime = await runtimeOnDefaults();
    expect(opened).toHaveLength(1);
    expect(runtime.services.line()).toBe(opened[0]?.line);
    let wakeUps = 0;
    runtime.services.events.subscribe(() => {
      wakeUps += 1;
    });
    opened[0]?.onEvent();
    expect(wakeUps).toBe(1);
    await runtime.close();
    expect(opened[0]?.line.closed).toBe(true);
  });

  it("writes a saved profile into the home's config and reopens the line on it", async () => {
    const runtime = await runtimeOnDefaults();
    await runtime.services.settings.saveProfile("careful", { extends: "admin", maxAttempts: 2 });
    expect(readFileSync(join(home, "config.yaml"), "utf8")).toContain("careful");
    expect(opened).toHaveLength(2);
    expect(opened[1]?.config.profiles.careful).toEqual({ extends: "admin", maxAttempts: 2 });
    expect(opened[0]?.line.closed).toBe(true);
    expect(runtime.services.line()).toBe(opened[1]?.line);
    expect(runtime.services.settings.config().profiles.careful).toBeDefined();
    await runtime.close();
  });

  it("reads the home's tokens", async () => {
    const runtime = await runtimeOnDefaults();
    const { secret } = await new AccessTokens({ home }).create("reader", ["read"]);
    expect(await runtime.services.tokens.verify(secret)).toMatchObject({ name: "reader" });
    await runtime.close();
  });
});

describe("the first manager token", () => {
  it("is made, with every scope, for a home without tokens, and only then", async () => {
    const tokens = new AccessTokens({ home });
    const issued = await firstManagerToken(tokens);
    expect(issued?.token).toMatchObject({
      name: "manager",
      scopes: ["read", "operate", "configure"],
    });
    expect(await tokens.verify(issued?.secret ?? "")).toMatchObject({ name: "manager" });
    expect(await firstManagerToken(tokens)).toBeUndefined();
    expect(await tokens.list()).toHaveLength(1);
  });

  it("is not made where a token of another name exists", async () => {
    mkdirSync(join(home, "other"));
    const tokens = new AccessTokens({ home: join(home, "other") });
    await tokens.create("ci-bot", ["read"]);
    expect(await firstManagerToken(tokens)).toBeUndefined();
    expect((await tokens.list()).map((token) => token.name)).toEqual(["ci-bot"]);
  });
});
