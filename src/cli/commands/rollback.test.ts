import { describe, expect, it } from "vitest";
import { runLineCommand } from "../../../test/support/line-cli/line-fake.js";
import { sampleRelease, sampleReleases } from "../../../test/support/line-cli/release-fixtures.js";
import { rollbackCommand } from "./rollback.js";

const rollback = (
  argv: string[],
  environment: Record<string, string> = { USER: "alice" },
  releases = sampleReleases(),
) => runLineCommand(rollbackCommand, ["rollback", ...argv], { environment, script: { releases } });

describe("shopfloor rollback", () => {
  it("puts the service back on its standby release and records who and why", async () => {
    const run = await rollback(["inventory-api-444444", "--reason", " orders are lost "]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.lines[0]?.rollbacks).toEqual([
      { workItem: "inventory-api-444444", by: "alice", reason: "orders are lost" },
    ]);
    expect(run.stdout).toBe(
      [
        "inventory-api-r4 rolled back: traffic is on inventory-api-r2 again at http://127.0.0.1:4100.",
        "Incident 9d8e7f60: alice rolled inventory-api-r4 back: orders are lost",
        "inventory-api-444444 is now rolled-back; `shopfloor releases --service inventory-api` shows the service.",
        "",
      ].join("\n"),
    );
    expect(run.lines[0]?.closed).toBe(true);
  });

  it("says when the release was its service's first, so nothing is live any more", async () => {
    const run = await rollback(
      ["notes-api-111111", "--reason", "wrong totals", "--by", "bob"],
      {},
      [sampleRelease("notes-api", 1, "live")],
    );
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.lines[0]?.rollbacks[0]?.by).toBe("bob");
    expect(run.stdout).toContain(
      "notes-api-r1 rolled back: it was the service's first release: the service has no live release now.\n",
    );
  });

  it("prints the outcome as one JSON object with --json", async () => {
    const run = await rollback(["inventory-api-444444", "--reason", "why", "--json"]);
    const outcome = JSON.parse(run.stdout);
    expect(outcome.release).toMatchObject({ id: "inventory-api-r4", state: "rolled-back" });
    expect(outcome.to).toMatchObject({ id: "inventory-api-r2", state: "live" });
    expect(outcome.incident).toMatchObject({
      id: "9d8e7f60",
      by: "alice",
      rolledBackTo: "inventory-api-r2",
    });
  });

  it("refuses no reason or no name before opening the line", async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [["inventory-api-444444"], { USER: "alice" }, /rollback needs --reason "why"/],
      [["inventory-api-444444", "--reason", "  "], { USER: "alice" }, /needs --reason/],
      [["inventory-api-444444", "--reason", "why"], {}, /needs --by NAME: \$USER is not set/],
      [["--reason", "why"], { USER: "alice" }, /missing required argument 'item'/],
    ];
    for (const [argv, environment, message] of cases) {
      const run = await rollback(argv, environment);
      expect(run.exitCode, argv.join(" ")).toBe(2);
      expect(run.stderr, argv.join(" ")).toMatch(message);
      expect(run.lines).toEqual([]);
    }
  });

  it("exits 2 with the line's message for an unknown item or one that is not live", async () => {
    const unknown = await rollback(["nope-000000", "--reason", "why"]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toBe("error: there is no work item nope-000000\n");
    const ended = await rollback(["todo-api-3f9c2a", "--reason", "why"]);
    expect(ended.exitCode).toBe(2);
    expect(ended.stderr).toContain("todo-api-3f9c2a is rolled-back, not live");
    expect(ended.lines[0]?.closed).toBe(true);
  });
});
