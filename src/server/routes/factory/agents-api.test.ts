/**
 * The agents and the line-up through the API, on a real line whose config is the home's config.yaml, in
 * an environment whose PATH holds a fake `claude` (a real program that prints its version) and nothing
 * else: what `agents list` shows, a line-up saved into the file and given to the next submission (the
 * items before keep theirs), removed again; and the refusals.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { historyOf, submitSmallSpec } from "../../../../test/support/console/console-calls.js";
import {
  type ConsoleHarness,
  consoleHarness,
} from "../../../../test/support/console/console-harness.js";
import {
  answerSchema,
  expectError,
  parsedAnswer,
} from "../../../../test/support/console/line-answers.js";
import { agentAdapters } from "../../../agents/agent-registry.js";
import { parseConfig } from "../../../contracts/config.js";
import type { LineUp } from "../../../contracts/work-item.js";
import { agentsRoute, saveLineUpRoute } from "./factory-routes.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const agentsSchema = answerSchema(agentsRoute, 200);
const savedSchema = answerSchema(saveLineUpRoute, 200);

let harness: ConsoleHarness;
let configPath: string;
let folder: string;
let programs: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-agents-"));
  programs = join(folder, "bin");
  mkdirSync(programs, { recursive: true });
  writeFileSync(join(programs, "claude"), '#!/bin/sh\necho "2.0.14 (Claude Code)"\n');
  chmodSync(join(programs, "claude"), 0o755);
  harness = await consoleHarness({ environment: { PATH: programs, HOME: folder } });
  configPath = join(harness.home, "config.yaml");
});
afterAll(async () => {
  await harness?.remove();
  rmSync(folder, { recursive: true, force: true });
});

const fileText = () => readFileSync(configPath, "utf8");

const saveLineUp = (lineUp: unknown, token = harness.tokens.manager) =>
  harness.request("PUT", "/api/settings/line-up", { token, json: { lineUp } });

const submit = () => submitSmallSpec(harness, harness.tokens.operator);

describe("GET /api/agents", () => {
  it("shows every agent, whether it can run here and why not, and the default line-up", async () => {
    const answer = await parsedAnswer(
      await harness.request("GET", "/api/agents", { token: harness.tokens.reader }),
      200,
      agentsSchema,
    );

    expect(answer.agents.map((agent) => agent.name)).toEqual(
      agentAdapters.map((adapter) => adapter.name),
    );
    const byName = new Map(answer.agents.map((agent) => [agent.name, agent]));
    expect(byName.get("claude")).toMatchObject({
      available: true,
      detail: `${join(programs, "claude")} (2.0.14 (Claude Code))`,
      description: "Claude Code, headless (claude -p)",
    });
    expect(byName.get("codex")).toMatchObject({ available: false });
    expect(byName.get("codex")?.detail).toMatch(/^codex not found on PATH: /);
    expect(byName.get("llm")?.detail).toContain("no model configured");
    expect(byName.get("scaffold")?.available).toBe(true);
    // No model and no coding CLI set up in the config: the offline scaffold agent builds alone.
    expect(answer).toMatchObject({
      defaultAgent: "scaffold",
      lineUp: { pattern: "single", agent: { agent: "scaffold" } },
      configured: false,
      unavailable: [],
      configPath,
    });
  });

  it("needs a token", async () => {
    await expectError(await harness.request("GET", "/api/agents", { token: null }), 401, {
      code: "unauthenticated",
    });
  });
});

describe("PUT /api/settings/line-up", () => {
  it("saves a line-up into the config file: new submissions get it, earlier items keep theirs", async () => {
    const before = await submit();
    expect(before.lineUp).toEqual({ pattern: "single", agent: { agent: "scaffold" } });
    const lineUp: LineUp = {
      pattern: "best-of",
      candidates: 3,
      agents: [{ agent: "claude", model: "sonnet" }, { agent: "scaffold" }],
    };

    const answer = await parsedAnswer(await saveLineUp(lineUp), 200, savedSchema);

    expect(answer).toMatchObject({ lineUp, configured: true, unavailable: [] });
    expect(parseConfig(fileText(), configPath).line.lineUp).toEqual(lineUp);
    const after = await submit();
    expect(after.lineUp).toEqual(lineUp);
    const earlier = await historyOf(harness, before.id);
    expect(earlier.item.lineUp).toEqual({ pattern: "single", agent: { agent: "scaffold" } });
    const listed = await parsedAnswer(
      await harness.request("GET", "/api/agents"),
      200,
      agentsSchema,
    );
    expect(listed).toMatchObject({ lineUp, configured: true });
  });

  it("removes the line-up with null: the default agent builds alone again", async () => {
    await parsedAnswer(
      await saveLineUp({ pattern: "single", agent: { agent: "claude" } }),
      200,
      savedSchema,
    );

    const answer = await parsedAnswer(await saveLineUp(null), 200, savedSchema);

    expect(answer).toMatchObject({
      lineUp: { pattern: "single", agent: { agent: "scaffold" } },
      configured: false,
    });
    expect(parseConfig(fileText(), configPath).line.lineUp).toBeUndefined();
    expect((await submit()).lineUp).toEqual({ pattern: "single", agent: { agent: "scaffold" } });
  });

  it("refuses a line-up the line could not build with, naming the field, and leaves the file", async () => {
    const unchanged = fileText();
    const refusals: [unknown, string, RegExp][] = [
      [
        { pattern: "single", agent: { agent: "cursor" } },
        "lineUp.agent.agent",
        /no agent "cursor"/,
      ],
      [
        { pattern: "fallback", agents: [{ agent: "scaffold" }, { agent: "codex" }] },
        "lineUp.agents.1.agent",
        /codex agent cannot run here.*codex not found on PATH/,
      ],
      [
        {
          pattern: "single",
          agent: { agent: "scaffold", faults: { probability: 0.5, kinds: ["gremlins"] } },
        },
        "lineUp.agent.faults.kinds",
        /unknown fault kind\(s\) gremlins/,
      ],
      [
        { pattern: "best-of", candidates: 1, agents: [{ agent: "scaffold" }] },
        "lineUp.candidates",
        /2/,
      ],
      [{ pattern: "relay", agents: [] }, "lineUp.pattern", /./],
    ];
    for (const [lineUp, field, message] of refusals) {
      const error = await expectError(await saveLineUp(lineUp), 400, { field });
      expect(error.message, field).toMatch(message);
    }
    await expectError(await harness.request("PUT", "/api/settings/line-up", { json: {} }), 400, {
      field: "lineUp",
    });
    expect(fileText()).toBe(unchanged);
  });

  it("needs a token with the configure scope", async () => {
    const lineUp = { pattern: "single", agent: { agent: "claude" } };
    await expectError(await saveLineUp(lineUp, harness.tokens.reader), 403, { code: "forbidden" });
    await expectError(await saveLineUp(lineUp, harness.tokens.operator), 403, {
      code: "forbidden",
    });
    const anonymous = await harness.request("PUT", "/api/settings/line-up", {
      token: null,
      json: { lineUp },
    });
    await expectError(anonymous, 401);
    expect(parseConfig(fileText(), configPath).line.lineUp).toBeUndefined();
  });
});
