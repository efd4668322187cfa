import { describe, expect, it } from "vitest";
import { costCsv, csvCell } from "./cost-csv.js";

describe("costCsv", () => {
  it("prints exact amounts, one row per group and a total row, quoting keys that need it", () => {
    const row = (key: string, events: number, amountMicroUsd: number) => ({
      key,
      events,
      unpricedEvents: 0,
      inputTokens: 10,
      outputTokens: 2,
      amountMicroUsd,
    });
    const csv = costCsv({
      since: "2026-11-24",
      until: "2026-11-24",
      by: "agent",
      timeZone: "UTC",
      dayStart: "00:00",
      rows: [row('a "quoted", agent', 1, 1_234_567), row("b", 2, 5)],
      total: row("total", 3, 1_234_572),
    });
    expect(csv).toBe(
      [
        "agent,events,unpriced_events,input_tokens,output_tokens,cost_usd,cost_micro_usd",
        '"a ""quoted"", agent",1,0,10,2,1.234567,1234567',
        "b,2,0,10,2,0.000005,5",
        "total,3,0,10,2,1.234572,1234572",
        "",
      ].join("\n"),
    );
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
  });
});
