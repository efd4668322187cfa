/**
 * A submission with a line-up of its own (`POST /api/items` with `lineUp`, as `shopfloor run --agent
 * --best-of --faults` override the config's for one run) on a real line: the item keeps that line-up and
 * is built by it, the config's line-up stays as it was, and a line-up the line could not build with is
 * refused before anything is submitted, naming the field, as `PUT /api/settings/line-up` refuses it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { historyOf } from "../../../../test/support/console/console-calls.js";
import {
  type ConsoleHarness,
  consoleHarness,
} from "../../../../test/support/console/console-harness.js";
import {
  answerSchema,
  expectError,
  parsedAnswer,
} from "../../../../test/support/console/line-answers.js";
import type { LineUp } from "../../../contracts/work-item.js";
import { submitRoute } from "./line-routes.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const itemSchema = answerSchema(submitRoute, 201);

let harness: ConsoleHarness;

beforeAll(async () => {
  harness = await consoleHarness();
});
afterAll(async () => {
  await harness?.remove();
});

const submit = (lineUp: unknown, token = harness.tokens.operator) =>
  harness.request("POST", "/api/items", {
    token,
    json: { name: "todo-small.md", spec: harness.smallSpec, lineUp },
  });

const itemCount = async () => (await harness.services.line().workItems()).length;

describe("POST /api/items with a line-up", () => {
  it("builds the item with its own line-up: best-of 2 makes two candidates, both gated", async () => {
    const lineUp: LineUp = { pattern: "best-of", candidates: 2, agents: [{ agent: "scaffold" }] };

    const item = await parsedAnswer(await submit(lineUp), 201, itemSchema);
    await harness.work();

    expect(item.lineUp).toEqual(lineUp);
    const history = await historyOf(harness, item.id);
    expect(history.item).toMatchObject({ state: "approved", lineUp });
    expect(history.builds.map((build) => [build.attempt, build.candidate, build.agent])).toEqual([
      [1, 1, "scaffold"],
      [1, 2, "scaffold"],
    ]);
    expect(history.builds.every((build) => build.verdict !== undefined)).toBe(true);
    // One submission's line-up is its own: the config's is as it was.
    expect(harness.services.settings.config().line.lineUp).toBeUndefined();
  });

  it("keeps a line-up's faults and fallback as the config file would, defaults filled in", async () => {
    const item = await parsedAnswer(
      await submit({
        pattern: "fallback",
        agents: [
          { agent: "scaffold", faults: { probability: 0.5, kinds: ["off-by-one"] } },
          { agent: "scaffold" },
        ],
      }),
      201,
      itemSchema,
    );

    expect(item.lineUp).toEqual({
      pattern: "fallback",
      agents: [
        { agent: "scaffold", faults: { probability: 0.5, seed: 1, kinds: ["off-by-one"] } },
        { agent: "scaffold" },
      ],
      afterFailures: 1,
    });
  });

  it("refuses a line-up the line could not build with, naming the field; nothing is submitted", async () => {
    const before = await itemCount();
    const refusals: [unknown, string, RegExp][] = [
      [
        { pattern: "single", agent: { agent: "cursor" } },
        "lineUp.agent.agent",
        /no agent "cursor"/,
      ],
      [
        // No model is configured, so the llm agent cannot run here.
        { pattern: "best-of", candidates: 2, agents: [{ agent: "scaffold" }, { agent: "llm" }] },
        "lineUp.agents.1.agent",
        /llm agent cannot run here.*no model configured/,
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
        { pattern: "best-of", candidates: 40, agents: [{ agent: "scaffold" }] },
        "lineUp.candidates",
        /16/,
      ],
      [
        { pattern: "single", agent: { agent: "scaffold", faults: { probability: 2 } } },
        "lineUp.agent.faults.probability",
        /1/,
      ],
      [{ pattern: "relay", agents: [] }, "lineUp.pattern", /./],
    ];
    for (const [lineUp, field, message] of refusals) {
      const error = await expectError(await submit(lineUp), 400, { field });
      expect(error.message, field).toMatch(message);
    }
    expect(await itemCount()).toBe(before);
  });

  it("needs a token with the operate scope", async () => {
    const before = await itemCount();
    const lineUp = { pattern: "single", agent: { agent: "scaffold" } };
    await expectError(await submit(lineUp, harness.tokens.reader), 403, { code: "forbidden" });
    await expectError(
      await harness.request("POST", "/api/items", {
        token: null,
        json: { name: "todo-small.md", spec: harness.smallSpec, lineUp },
      }),
      401,
      { code: "unauthenticated" },
    );
    expect(await itemCount()).toBe(before);
  });
});

describe("the OpenAPI document", () => {
  it("describes the submission's line-up by the contract's own schema", async () => {
    const response = await harness.request("GET", "/api/openapi.json", { token: null });
    const document = (await response.json()) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(document.components.schemas.SubmitRequest?.properties?.lineUp).toEqual({
      $ref: "#/components/schemas/LineUp",
    });
  });
});
