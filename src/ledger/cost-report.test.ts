import { describe, expect, it } from "vitest";
import type { CostEvent } from "../contracts/cost-event.js";
import { rangeInstants, summarizeCosts } from "./cost-report.js";

const boundary = { timeZone: "Europe/Paris", dayStart: "06:00" };
const range = { since: "2026-11-23", until: "2026-11-24" };

function event(id: string, at: string, fields: Partial<CostEvent>): CostEvent {
  const usage = {
    inputTokens: 0,
    cachedInputTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    cpuSeconds: 0,
    wallSeconds: 0,
  };
  return { id, at, category: "inference", amountMicroUsd: 0, priced: true, usage, ...fields };
}

const events = [
  event("a", "2026-11-23T10:00:00.000Z", {
    amountMicroUsd: 5_000_000,
    model: "gpt-4o",
    station: "build",
    usage: {
      inputTokens: 1000,
      cachedInputTokens: 0,
      outputTokens: 100,
      reasoningTokens: 0,
      cpuSeconds: 0,
      wallSeconds: 0,
    },
  }),
  event("b", "2026-11-24T04:59:00.000Z", {
    amountMicroUsd: 1_000_000,
    category: "testing",
    station: "trials",
  }),
  event("c", "2026-11-24T05:00:00.000Z", {
    amountMicroUsd: 2_500_000,
    category: "testing",
    station: "trials",
  }),
  event("d", "2026-11-24T09:00:00.000Z", {
    amountMicroUsd: 0,
    priced: false,
    model: "local-llama",
    station: "build",
  }),
];

describe("summarizeCosts", () => {
  it("groups by budget day in the configured zone and day start", () => {
    const report = summarizeCosts(events, "day", boundary, range);
    expect(report.rows.map((row) => [row.key, row.events, row.amountMicroUsd])).toEqual([
      ["2026-11-23", 2, 6_000_000],
      ["2026-11-24", 2, 2_500_000],
    ]);
    expect(report.total).toMatchObject({
      key: "total",
      events: 4,
      unpricedEvents: 1,
      amountMicroUsd: 8_500_000,
    });
  });

  it("groups by model with the events that have none, most expensive first", () => {
    const report = summarizeCosts(events, "model", boundary, range);
    expect(report.rows.map((row) => [row.key, row.amountMicroUsd, row.unpricedEvents])).toEqual([
      ["gpt-4o", 5_000_000, 0],
      ["(none)", 3_500_000, 0],
      ["local-llama", 0, 1],
    ]);
    expect(report.rows[0]).toMatchObject({ inputTokens: 1000, outputTokens: 100 });
  });

  it("orders categories as the budget does", () => {
    const rows = summarizeCosts(events, "category", boundary, range).rows;
    expect(rows.map((row) => row.key)).toEqual(["inference", "testing"]);
  });

  it("turns a range of days into instants and rejects a backwards range", () => {
    const instants = rangeInstants(range, boundary);
    expect(instants.start.toISOString()).toBe("2026-11-23T05:00:00.000Z");
    expect(instants.end.toISOString()).toBe("2026-11-25T05:00:00.000Z");
    expect(() => rangeInstants({ since: "2026-11-24", until: "2026-11-23" }, boundary)).toThrow(
      /ends/,
    );
  });
});
