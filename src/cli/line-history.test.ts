import { describe, expect, it } from "vitest";
import {
  sampleEvent,
  sampleHistory,
  sampleItemId,
} from "../../test/support/line-cli/line-fixtures.js";
import { dateTime, renderHistory } from "./line-history.js";

const now = new Date("2026-11-24T15:00:00.000Z");

describe("renderHistory", () => {
  it("tells the item's provenance top to bottom", () => {
    const text = renderHistory(sampleHistory(), { timeZone: "UTC", now });
    const order = [
      "todo-api-3f9c2a: todo-api, approved (build #2.1), attempt 2",
      "  spec      /project/specs/todo-api.md",
      "            sha256 5e1f0c2a9b7d, lint score 92 (minimum 75, 2 findings)",
      "  line-up   single scaffold with injected faults p=1",
      "Events:",
      "  2026-11-24 14:00:01  intake    lint score 92 ≥ 75 (2 findings)",
      "  2026-11-24 14:03:00  approved  gate → approved: build #2.1 approved",
      "Attempt 1:",
      "  #1.1  scaffold, gated",
      "        commit 1a2b3c4aa7b0, 2 files changed, 0 tokens in / 0 out, $0.00, 1.5 s (succeeded)",
      "        INJECTED FAULT drop-validation at server.mjs:42: the title's length is no longer checked",
      "        judged by todo-api@3a9f: regenerate, edge 41/50 < 90%",
      "Attempt 2:",
      "  #2.1  scaffold, gated, APPROVED",
      "        judged by todo-api@3a9f: approve, every category clears its threshold",
      "Exceptions: none",
      "Decisions: none",
      "Costs: $0.23 in total",
      "  by category:        inference $0.00 · testing $0.23 · ci $0.00 · monitoring $0.00",
      "  by station:         trials $0.23",
      "  by agent and model: scaffold $0.00",
    ];
    let position = -1;
    for (const line of order) {
      const found = text.indexOf(`${line}\n`, position + 1);
      expect(found, line).toBeGreaterThan(position);
      position = found;
    }
    expect(text).toMatch(/^ {8}edge\s+41\/50\s+82\.0%\s+70\.0%–90\.0%\s+90\.0%\s+fail$/m);
    expect(text).toMatch(/^ {8}edge\s+50\/50\s+100%\s+95\.0%–100%\s+90\.0%\s+pass$/m);
  });

  it("names the suite version that judged each build, and the decisions with who and why", () => {
    const history = sampleHistory();
    history.events.push(
      sampleEvent("suite.ready", {
        suite: "todo-api@77aa",
        normal: 100,
        edge: 80,
        malicious: 30,
        generated: true,
      }),
      sampleEvent("trials.start", { build: `${sampleItemId}.2.1`, round: 2, scenarios: 40 }),
      sampleEvent("gate.verdict", {
        build: `${sampleItemId}.2.1`,
        decision: "approve",
        reason: "ok",
        report: "cd",
      }),
    );
    history.decisions.push({
      id: "d-1",
      exception: "ex-9",
      workItem: sampleItemId,
      action: "change-profile",
      by: "alice",
      reason: "internal tool",
      at: "2026-11-24T14:30:00.000Z",
      details: { profile: "standard" },
    });
    const text = renderHistory(history, { timeZone: "UTC", now });
    expect(text).toContain("judged by todo-api@3a9f: regenerate");
    expect(text).toContain("judged by todo-api@77aa after 2 rounds of trials: approve");
    expect(text).toContain(
      '  2026-11-24 14:30:00  alice decided change-profile on ex-9 (profile standard): "internal tool"',
    );
  });

  it("writes dates and times in the time zone it is given", () => {
    expect(dateTime("2026-11-24T23:30:00.000Z", "UTC")).toBe("2026-11-24 23:30:00");
    expect(dateTime("2026-11-24T23:30:00.000Z", "Asia/Tokyo")).toBe("2026-11-25 08:30:00");
  });
});
