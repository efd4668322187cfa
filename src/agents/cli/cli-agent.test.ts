import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type AdapterHarness,
  createAdapterHarness,
  sampleTask,
} from "../../../test/fixtures/agents/adapter-harness.js";
import { createFakePath, type FakePath } from "../../../test/fixtures/agents/fake-path.js";
import { AgentRun } from "../../contracts/agent-run.js";
import { CliAgent } from "./cli-agent.js";
import type { CliAgentDefinition, OutputReader } from "./output-reader.js";
import { noAgentTokens } from "./token-counts.js";

/** A CLI that prints {"type":"step","count":n} every few milliseconds, each step 100 output tokens. */
function countingDefinition(): CliAgentDefinition {
  return {
    name: "counter",
    defaultBinary: "fake-process",
    installHint: "none",
    stdoutFormat: "json-lines",
    transcriptFormat: "jsonl",
    invocation: () => ({ args: [] }),
    createReader: (): OutputReader => {
      let steps = 0;
      return {
        onEvent: () => {
          steps += 1;
        },
        progress: () => ({ turns: steps, tokens: { ...noAgentTokens, outputTokens: 100 * steps } }),
        outcome: () => ({ status: "succeeded", summary: "counted" }),
      };
    },
  };
}

let harness: AdapterHarness;
let fakePath: FakePath;
beforeEach(async () => {
  harness = await createAdapterHarness();
  fakePath = createFakePath({ "fake-process": "fake-process.mjs" });
});
afterEach(() => {
  fakePath.remove();
  harness.remove();
});

function counter(): CliAgent {
  return new CliAgent(countingDefinition(), {
    environment: { PATH: fakePath.path, FAKE_MODE: "counting" },
    now: harness.clock().now,
    killGraceMs: 200,
  });
}

describe("CliAgent", { timeout: 20_000 }, () => {
  it("stops a CLI as over-budget once its output tokens pass the limit", async () => {
    const run = await counter().run(
      sampleTask(),
      harness.workspace,
      { wallClockMs: 20_000, maxOutputTokens: 250 },
      new AbortController().signal,
    );
    expect(AgentRun.parse(run)).toEqual(run);
    expect(run.status).toBe("over-budget");
    expect(run.summary).toBe("counter was stopped: it passed the limit of 250 output tokens");
    expect(run.turns).toBeGreaterThanOrEqual(3);
  });

  it("stops it as failed once it passes the turn limit", async () => {
    const run = await counter().run(
      sampleTask(),
      harness.workspace,
      { wallClockMs: 20_000, maxTurns: 2 },
      new AbortController().signal,
    );
    expect(run.status).toBe("failed");
    expect(run.summary).toBe("counter was stopped: it passed the limit of 2 turns");
  });

  it("keeps the prompt it gave as an artifact, and the transcript beside it", async () => {
    const run = await counter().run(
      sampleTask(),
      harness.workspace,
      { wallClockMs: 20_000, maxTurns: 1 },
      new AbortController().signal,
    );
    const prompt = join(harness.workspace.artifactsFolder, "counter-prompt.md");
    expect(readFileSync(prompt, "utf8")).toContain("A service that keeps todos.");
    expect(run.transcript).toBe(
      join(harness.workspace.artifactsFolder, "counter-transcript.jsonl"),
    );
    expect(existsSync(run.transcript)).toBe(true);
    expect(run).toMatchObject({ commit: undefined, filesChanged: [], durationMs: 3500 });
  });
});
