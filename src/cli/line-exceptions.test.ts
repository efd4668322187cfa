import { describe, expect, it } from "vitest";
import { exceptionReasons, type LineException } from "../contracts/index.js";
import { decideHint, renderExceptions, suggestedActions } from "./line-exceptions.js";

const now = new Date("2026-11-24T14:00:00.000Z");
const retriesSpent: LineException = {
  id: "ex-7f3a",
  workItem: "todo-api-3f9c2a",
  build: "todo-api-3f9c2a.3.1",
  reason: "retries-spent",
  summary: "3 builds were refused by the gate",
  evidence: {
    attempts: 3,
    lastDecision: "regenerate",
    failingCategories: ["edge", "malicious"],
    verdicts: [{ decision: "regenerate" }, { decision: "regenerate" }],
    budget: { left: 12 },
  },
  state: "open",
  openedAt: "2026-11-24T11:50:00.000Z",
};
const vague: LineException = {
  id: "ex-0001",
  workItem: "notes-aa11bb",
  reason: "spec-too-vague",
  summary: "lint score 41 < 75",
  evidence: { score: 41 },
  state: "open",
  openedAt: "2026-11-24T13:59:30.000Z",
};

describe("renderExceptions", () => {
  it("lists each open exception with its age, evidence and the decide command to run", () => {
    const text = renderExceptions([vague, retriesSpent], now, "open");
    expect(text).toBe(
      [
        "2 open exceptions, oldest first:",
        "",
        "ex-7f3a  todo-api-3f9c2a (build todo-api-3f9c2a.3.1)  retries-spent  open for 2h 10m",
        "  3 builds were refused by the gate",
        "  evidence: attempts: 3",
        "            lastDecision: regenerate",
        "            failingCategories: edge, malicious",
        '            verdicts: 2 entries, the first: {"decision":"regenerate"}',
        "            … and 1 more (shopfloor exceptions --json)",
        '  decide: shopfloor decide ex-7f3a --retry --reason "…"   (or --profile NAME, --approve, --reject)',
        "",
        "ex-0001  notes-aa11bb  spec-too-vague  open for 30s",
        "  lint score 41 < 75",
        "  evidence: score: 41",
        '  decide: shopfloor decide ex-0001 --clarify FILE --reason "…"   (or --approve, --reject)',
        "",
      ].join("\n"),
    );
  });

  it("shows decided exceptions without a command, and says when there are none", () => {
    const text = renderExceptions([{ ...vague, state: "decided" }], now, "all");
    expect(text).toContain("1 exception, oldest first:");
    expect(text).toContain("notes-aa11bb  spec-too-vague  decided");
    expect(text).not.toContain("shopfloor decide");
    expect(renderExceptions([], now, "open")).toBe(
      "No open exceptions: the line decided everything itself.\n",
    );
  });

  it("suggests a decision for every reason", () => {
    for (const reason of exceptionReasons) {
      expect(suggestedActions(reason).length, reason).toBeGreaterThan(0);
      expect(decideHint({ ...vague, reason })).toMatch(/^shopfloor decide ex-0001 --[a-z-]+/);
    }
  });
});
