/**
 * The line's read and submit routes on a real line (test/support/console): a spec submitted over HTTP
 * goes down the line, and the status, the item lists, the history with its gate verdict, the latency
 * histogram, the event log and the lint answer with data their schemas accept. Then the refusals: no
 * token, a token without the scope, invalid requests (naming the field) and unknown ids.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { vagueSpec as vagueSpecPath } from "../../../../test/line/support/line-home.js";
import { submitSmallSpec } from "../../../../test/support/console/console-calls.js";
import {
  type ConsoleHarness,
  consoleHarness,
} from "../../../../test/support/console/console-harness.js";
import {
  answerSchema,
  expectError,
  parsedAnswer,
} from "../../../../test/support/console/line-answers.js";
import { lineEventTypes } from "../../../contracts/line-event.js";
import type { WorkItem } from "../../../contracts/work-item.js";
import {
  buildLatencyRoute,
  eventsRoute,
  lineStatusRoute,
  lintRoute,
  workItemHistoryRoute,
  workItemsRoute,
} from "./line-routes.js";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const vagueSpec = readFileSync(vagueSpecPath, "utf8");

let harness: ConsoleHarness;
let item: WorkItem;

beforeAll(async () => {
  harness = await consoleHarness();
  item = await submitSmallSpec(harness, harness.tokens.operator);
  await harness.work();
});

afterAll(async () => {
  await harness?.remove();
});

describe("the line's API on a real line", () => {
  it("takes a spec as text and starts a work item at intake", () => {
    expect(item).toMatchObject({ name: "todo-api", state: "intake", attempt: 1, profile: "admin" });
  });

  it("answers the line's status", async () => {
    const status = await parsedAnswer(
      await harness.request("GET", "/api/status", { token: harness.tokens.reader }),
      200,
      answerSchema(lineStatusRoute, 200),
    );
    expect(status.outcomes).toMatchObject({ approved: 1, rejected: 0, exception: 0 });
    expect(status.states.approved).toBe(1);
    expect(status.items.map((each) => [each.id, each.state])).toEqual([[item.id, "approved"]]);
    expect(status.passRates.normal).toBe(1);
    expect(status.queue.intake.done).toBe(1);
  });

  it("lists the work items, of any states asked for", async () => {
    const list = (query: string) =>
      harness
        .request("GET", `/api/items${query}`)
        .then((response) => parsedAnswer(response, 200, answerSchema(workItemsRoute, 200)));
    expect((await list("")).items.map((each) => each.id)).toEqual([item.id]);
    expect((await list("?state=approved")).items.map((each) => each.state)).toEqual(["approved"]);
    expect((await list("?state=intake,exception")).items).toEqual([]);
  });

  it("shows a work item's history by a prefix of its id, with its builds' verdicts", async () => {
    const history = await parsedAnswer(
      await harness.request("GET", `/api/items/${item.id.slice(0, -2)}`),
      200,
      answerSchema(workItemHistoryRoute, 200),
    );
    expect(history.item).toMatchObject({ id: item.id, state: "approved" });
    expect(history.builds).toHaveLength(1);
    expect(history.builds[0]?.verdict?.decision).toBe("approve");
    expect(history.builds[0]?.verdict?.categories.map((each) => each.category)).toEqual([
      "normal",
      "edge",
      "malicious",
    ]);
    const types = history.events.map((event) => event.type);
    expect(types[0]).toBe("work-item.create");
    expect(types).toContain("gate.verdict");
    expect(history.decisions).toEqual([]);
    expect(history.costs.totalMicroUsd).toBeGreaterThanOrEqual(0);
  });

  it("draws a build's trial durations as a histogram, overall and per category", async () => {
    const build = `${item.id}.1.1`;
    const histogram = await parsedAnswer(
      await harness.request("GET", `/api/builds/${build}/latency`),
      200,
      answerSchema(buildLatencyRoute, 200),
    );
    const trials = (await harness.services.line().trials(build)).length;
    expect(trials).toBeGreaterThan(0);
    expect(histogram.build).toBe(build);
    // The fake executor's trials each take 1 ms: one bucket, [1, 2).
    expect(histogram.overall.buckets).toEqual([{ lowerMs: 1, upperMs: 2, count: trials }]);
    expect(histogram.overall.summary).toMatchObject({ count: trials, min: 1, max: 1 });
    const perCategory = Object.values(histogram.categories).map((each) => each.summary.count);
    expect(perCategory.reduce((sum, count) => sum + count, 0)).toBe(trials);
    expect(perCategory.every((count) => count > 0)).toBe(true);
  });

  it("reads the event log in order, after a sequence, of one work item", async () => {
    const read = (query: string) =>
      harness
        .request("GET", `/api/events${query}`)
        .then((response) => parsedAnswer(response, 200, answerSchema(eventsRoute, 200)));
    const all = (await read(`?workItem=${item.id}`)).events;
    const sequences = all.map((event) => event.sequence);
    expect(sequences).toEqual([...sequences].sort((left, right) => left - right));
    expect(all.every((event) => event.workItem === item.id)).toBe(true);
    const second = all[1]?.sequence ?? 0;
    const page = (await read(`?after=${second}&limit=2`)).events;
    expect(page.map((event) => event.sequence)).toEqual(sequences.slice(2, 4));
    const newest = (await read(`?workItem=${item.id}&newest=3`)).events;
    expect(newest.map((event) => event.sequence)).toEqual(sequences.slice(-3));
  });

  it("lints a spec's text as the intake station does", async () => {
    const lint = (spec: string) =>
      harness
        .request("POST", "/api/specs/lint", {
          token: harness.tokens.reader,
          json: { name: "shop.md", spec },
        })
        .then((response) => parsedAnswer(response, 200, answerSchema(lintRoute, 200)));
    const good = await lint(harness.smallSpec);
    expect(good).toMatchObject({ spec: "shop.md", decision: "pass" });
    const vague = await lint(vagueSpec);
    expect(vague.decision).toBe("clarify");
    expect(vague.score).toBeLessThan(vague.minimumScore);
    expect(vague.findings.map((finding) => finding.rule)).toContain("vague-word");
  });
});

describe("what the line's API refuses", () => {
  const protectedRoutes: [string, string][] = [
    ["GET", "/api/status"],
    ["GET", "/api/items"],
    ["GET", "/api/items/anything"],
    ["GET", "/api/builds/anything.1.1/latency"],
    ["POST", "/api/items"],
    ["POST", "/api/specs/lint"],
    ["GET", "/api/exceptions"],
    ["POST", "/api/exceptions/anything/decision"],
    ["GET", "/api/events"],
    ["GET", "/api/events/stream"],
  ];

  it("asks for a token on every route (401)", async () => {
    for (const [method, path] of protectedRoutes) {
      await expectError(await harness.request(method, path, { token: null }), 401, {
        code: "unauthenticated",
      });
      await expectError(await harness.request(method, path, { token: "sf_not-a-token" }), 401, {
        code: "unauthenticated",
      });
    }
  });

  it("refuses a read-only token what needs the operate scope (403)", async () => {
    const reader = harness.tokens.reader;
    const submit = { name: "todo-small.md", spec: harness.smallSpec };
    await expectError(
      await harness.request("POST", "/api/items", { token: reader, json: submit }),
      403,
      { code: "forbidden" },
    );
    await expectError(
      await harness.request("POST", "/api/exceptions/anything/decision", {
        token: reader,
        json: { action: "reject", reason: "not needed" },
      }),
      403,
      { code: "forbidden" },
    );
    expect((await harness.services.line().workItems()).map((each) => each.id)).toEqual([item.id]);
  });

  it("answers an invalid body or query with 400 and the field at fault", async () => {
    const post = (json: unknown) => harness.request("POST", "/api/items", { json });
    await expectError(await post({ spec: harness.smallSpec }), 400, { field: "name" });
    await expectError(await post({ name: "../etc/todo.md", spec: "x" }), 400, { field: "name" });
    await expectError(await post({ name: "todo.md", spec: "" }), 400, { field: "spec" });
    await expectError(await post({ name: "todo.md", spec: "x", extra: 1 }), 400, {
      code: "invalid-request",
    });
    await expectError(await harness.request("GET", "/api/items?state=trials,done"), 400, {
      field: "state",
    });
    await expectError(await harness.request("GET", "/api/exceptions?state=closed"), 400, {
      field: "state",
    });
    await expectError(await harness.request("GET", "/api/events?limit=0"), 400, {
      field: "limit",
    });
    await expectError(await harness.request("GET", "/api/events?after=soon"), 400, {
      field: "after",
    });
    await expectError(await harness.request("GET", "/api/events/stream?after=-1"), 400, {
      field: "after",
    });
  });

  it("refuses, naming the field, a spec the intake checks refuse or a profile there is not", async () => {
    const broken = harness.smallSpec.replace("kind: http-service", "kind: toaster");
    const refused = await expectError(
      await harness.request("POST", "/api/items", { json: { name: "todo.md", spec: broken } }),
      400,
      { code: "invalid-input", field: "spec" },
    );
    expect(refused.message).toContain("kind");
    await expectError(
      await harness.request("POST", "/api/items", {
        json: { name: "todo.md", spec: harness.smallSpec, profile: "no-such-profile" },
      }),
      400,
      { field: "profile" },
    );
    await expectError(
      await harness.request("POST", "/api/specs/lint", { json: { name: "todo.md", spec: broken } }),
      400,
      { field: "spec" },
    );
    expect(await harness.services.line().workItems()).toHaveLength(1);
  });

  it("answers 404 for ids nothing has", async () => {
    await expectError(await harness.request("GET", "/api/items/no-such-item"), 404, {
      code: "not-found",
    });
    for (const build of ["no-such-item.1.1", `${item.id}.9.1`, "not-a-build-id"]) {
      await expectError(await harness.request("GET", `/api/builds/${build}/latency`), 404, {
        code: "not-found",
      });
    }
    await expectError(
      await harness.request("POST", "/api/exceptions/no-such-exception/decision", {
        json: { action: "reject", reason: "no longer needed" },
      }),
      404,
      { code: "not-found" },
    );
  });
});

describe("the OpenAPI document", () => {
  it("describes the line's routes, their scopes and the events by type", async () => {
    const response = await harness.request("GET", "/api/openapi.json", { token: null });
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { schemas: Record<string, { oneOf?: unknown[]; anyOf?: unknown[] }> };
    };
    for (const path of [
      "/api/status",
      "/api/items",
      "/api/items/{id}",
      "/api/builds/{build}/latency",
      "/api/specs/lint",
      "/api/exceptions",
      "/api/exceptions/{id}/decision",
      "/api/events",
      "/api/events/stream",
    ]) {
      expect(document.paths[path], path).toBeDefined();
    }
    expect(document.paths["/api/items"]?.post?.security).toEqual([{ bearer: ["operate"] }]);
    const lineEvent = document.components.schemas.LineEvent;
    expect((lineEvent?.oneOf ?? lineEvent?.anyOf)?.length).toBe(lineEventTypes.length);
    for (const name of ["LineStatus", "WorkItemHistory", "LatencyHistogram", "DecisionRequest"]) {
      expect(document.components.schemas[name], name).toBeDefined();
    }
  });
});
