import { describe, expect, it } from "vitest";
import { runLineCommand } from "../../../test/support/line-cli/line-fake.js";
import { sampleHistory, sampleItemId } from "../../../test/support/line-cli/line-fixtures.js";
import { historyCommand } from "./history.js";

describe("shopfloor history", () => {
  it("tells a work item's provenance", async () => {
    const run = await runLineCommand(historyCommand, ["history", sampleItemId]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain("todo-api-3f9c2a: todo-api, approved (build #2.1), attempt 2");
    expect(run.stdout).toContain("INJECTED FAULT drop-validation at server.mjs:42");
    expect(run.stdout).toContain("Costs: $0.23 in total");
  });

  it("prints the history as JSON, and says when the item does not exist", async () => {
    const json = await runLineCommand(historyCommand, ["history", sampleItemId, "--json"]);
    const expected = sampleHistory();
    const parsed = JSON.parse(json.stdout);
    expect(parsed.item).toEqual(expected.item);
    expect(parsed.builds).toEqual(JSON.parse(JSON.stringify(expected.builds)));
    expect(parsed.costs).toEqual(expected.costs);
    const missing = await runLineCommand(historyCommand, ["history", "nope"]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe("error: there is no work item nope\n");
  });
});
