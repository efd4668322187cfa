import { describe, expect, it } from "vitest";
import type { CostEvent } from "../contracts/cost-event.js";
import { eventFromRow, rowFromEvent } from "./cost-event-rows.js";

describe("cost event rows", () => {
  it("round-trips an event, normalizing its time to UTC", () => {
    const event: CostEvent = {
      id: "e1",
      at: "2026-11-24T10:00:00+01:00",
      category: "testing",
      amountMicroUsd: 1_250,
      priced: false,
      workItem: "todo-api",
      run: "r1",
      model: "judge",
      usage: {
        inputTokens: 10,
        cachedInputTokens: 2,
        outputTokens: 3,
        reasoningTokens: 1,
        cpuSeconds: 1.5,
        wallSeconds: 2,
      },
    };
    const row = rowFromEvent(event, "res-1");
    expect(row).toMatchObject({
      at: "2026-11-24T09:00:00.000Z",
      priced: 0,
      reservation_id: "res-1",
      station: null,
    });
    expect(eventFromRow(row)).toEqual({ ...event, at: "2026-11-24T09:00:00.000Z" });
  });
});
