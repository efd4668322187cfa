import { describe, expect, it } from "vitest";
import { runLineCommand } from "../../../test/support/line-cli/line-fake.js";
import { decideCommand } from "./decide.js";

const decide = (argv: string[], environment: Record<string, string> = { USER: "alice" }) =>
  runLineCommand(decideCommand, ["decide", ...argv], {
    environment,
    files: { "/project/specs/todo-v2.md": "# todo" },
  });

describe("shopfloor decide", () => {
  it("records a decision with who and why, and says what runs it", async () => {
    const run = await decide(["ex-7", "--retry", "--reason", " runner fixed "]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.lines[0]?.decisions).toEqual([
      { exception: "ex-7", action: "retry", by: "alice", reason: "runner fixed" },
    ]);
    expect(run.stdout).toBe(
      'Decision decision-1 on ex-7: retry by alice, "runner fixed".\ntodo-api-3f9c2a is now approved.\n',
    );
  });

  it("passes each action's argument: the clarified spec, the profile, the budget", async () => {
    const cases: [string[], object][] = [
      [
        ["--clarify", "specs/todo-v2.md"],
        { action: "clarify", clarifiedSpecPath: "/project/specs/todo-v2.md" },
      ],
      [["--profile", "standard"], { action: "change-profile", profile: "standard" }],
      [["--raise-budget", "1500"], { action: "raise-budget", dailyBudgetUsd: 1500 }],
      [["--approve", "--by", "bob"], { action: "approve", by: "bob" }],
      [["--reject"], { action: "reject" }],
    ];
    for (const [options, expected] of cases) {
      const run = await decide(["ex-7", ...options, "--reason", "why"]);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.lines[0]?.decisions[0], options.join(" ")).toMatchObject(expected);
    }
  });

  it("refuses no action, two actions, no reason, no name, or a missing spec", async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [["ex-7", "--reason", "why"], { USER: "alice" }, /exactly one of --approve, --reject/],
      [
        ["ex-7", "--approve", "--reject", "--reason", "why"],
        { USER: "alice" },
        /got --approve and --reject/,
      ],
      [["ex-7", "--approve"], { USER: "alice" }, /needs --reason/],
      [["ex-7", "--approve", "--reason", "why"], {}, /needs --by NAME/],
      [
        ["ex-7", "--clarify", "nope.md", "--reason", "why"],
        { USER: "alice" },
        /no spec file \/project\/nope\.md/,
      ],
      [["ex-7", "--raise-budget", "-3", "--reason", "why"], { USER: "alice" }, /above 0/],
    ];
    for (const [argv, environment, message] of cases) {
      const run = await decide(argv, environment);
      expect(run.exitCode, argv.join(" ")).toBe(2);
      expect(run.stderr, argv.join(" ")).toMatch(message);
      expect(run.lines.flatMap((line) => line.decisions)).toEqual([]);
    }
  });
});
