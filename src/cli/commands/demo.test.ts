import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  FakeFactoryLine,
  type LineCommandSetup,
  runLineCommand,
} from "../../../test/support/line-cli/line-fake.js";
import { sampleEvent } from "../../../test/support/line-cli/line-fixtures.js";
import {
  sampleBreachCycle,
  sampleReleases,
  sampleWatchingCycle,
} from "../../../test/support/line-cli/release-fixtures.js";
import { recordingIo } from "../../../test/support/memory-io.js";
import type { LineEvent, LineException, WorkItem } from "../../contracts/index.js";
import { packageRoot } from "../package-root.js";
import { articleResultsFile } from "./demo/article-example.js";
import { type DemoDependencies, demoCommand } from "./demo.js";

const root = "/package";
const files = {
  [join(root, articleResultsFile)]: readFileSync(join(packageRoot(), articleResultsFile), "utf8"),
};

function built(item: WorkItem): LineEvent[] {
  const build = `${item.id}.1.1`;
  const events = [
    sampleEvent("build.start", { build, attempt: 1, candidate: 1, agent: "scaffold" }),
    sampleEvent("build.end", {
      build,
      status: "succeeded",
      commit: "9f3c2e1aa7b0c4d1e2f3a4b5c6d7e8f9a0b1c2d3",
      summary: "",
      costMicroUsd: 0,
      injectedFaults: 0,
    }),
  ];
  return events.map((event) => ({ ...event, workItem: item.id }));
}

const tempconvException: LineException = {
  id: "d41d4f28",
  workItem: "spec-000003",
  reason: "agent-cannot-build",
  summary: "No agent built tempconv in 3 attempt(s)",
  evidence: {},
  state: "open",
  openedAt: "2026-11-24T14:03:00.000Z",
};

class UnsandboxedLine extends FakeFactoryLine {
  readonly sandboxWarning = "bubblewrap cannot create a namespace here";
}

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "shopfloor-demo-command-"));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function demo(argv: string[], setup: LineCommandSetup = {}, interrupt = new AbortController()) {
  const clock = [1_000, 13_500];
  return runLineCommand<DemoDependencies>(
    demoCommand,
    ["demo", ...argv],
    { files, ...setup },
    {
      interrupt: () => ({ signal: interrupt.signal, dispose: () => undefined }),
      elapsedMs: () => clock.shift() ?? 0,
      root: () => root,
      sleep: async () => undefined,
    },
  );
}

describe("shopfloor demo", () => {
  it("submits the three examples, works the line, and shows outcomes, costs and where to look", async () => {
    const result = await demo(["--home", home], {
      script: {
        events: built,
        finalState: (item) => (item.specPath.includes("tempconv") ? "exception" : "approved"),
        exceptions: [tempconvException],
        releases: sampleReleases(),
        cycles: [sampleWatchingCycle(1), sampleWatchingCycle(2), sampleBreachCycle(3)],
      },
    });
    expect(result.exitCode, result.stderr).toBe(0);
    const [line] = result.lines;
    expect(line?.submitted.map((request) => [request.specPath, request.profile])).toEqual([
      ["/package/examples/todo-api/spec.md", "admin"],
      ["/package/examples/inventory-api/spec.md", "admin"],
      ["/package/examples/tempconv/spec.md", "admin"],
      ["/package/examples/inventory-api/spec.md", "admin"],
    ]);
    const faults = line?.submitted.map((request) =>
      request.lineUp?.pattern === "single" ? request.lineUp.agent.faults?.kinds : "?",
    );
    expect(faults).toEqual([undefined, ["drop-validation"], undefined, ["production-regression"]]);
    expect(line?.runs[0]?.items).toEqual(["spec-000001", "spec-000002", "spec-000003"]);
    // The production act: the change is worked, cycles until the breach, then the fix is worked.
    expect(line?.runs.map((run) => run.items?.length)).toEqual([3, 1, 1]);
    expect(line?.cycles).toHaveLength(4);
    expect(line?.closed).toBe(true);

    const { stdout } = result;
    expect(stdout).toContain(`Factory home: ${home}\n`);
    expect(stdout).toContain("Each build is tested in the bubblewrap sandbox.");
    expect(stdout).toContain(
      "14:02:11 spec-000001             build     #1.1 scaffold built 9f3c2e1 ($0.00)\n",
    );
    expect(stdout).toContain("── spec-000001 (spec): approved, build #1.1 after 1 attempt");
    expect(stdout).toContain("── spec-000003 (spec): in the exception queue");
    expect(stdout).toContain('a person decides: shopfloor decide d41d4f28 --retry --reason "…"');
    expect(stdout).toContain("3 work items: 2 approved, 1 in the exception queue\n");
    expect(stdout).toContain("── production");
    expect(stdout).toContain("inventory-api: inventory-api-r4 is live at");
    expect(stdout).toContain("A change to inventory-api with a fault only production shows");
    expect(stdout).toMatch(/BREACH: todo-api-r2 was rolled back/);
    expect(stdout).toContain("The fix item goes down the line");
    expect(stdout).toContain("`shopfloor host --stop` stops them.");
    expect(stdout).toContain("The article's build passed 171 of 180 scenarios (95.0%)");
    expect(stdout).toContain("No cost recorded in this period.");
    expect(stdout).toContain(`npx shopfloor history spec-000001 --home ${home}`);
    expect(stdout).toContain(`npx shopfloor calibrate spec-000001 --home ${home}`);
    expect(stdout.trimEnd().endsWith("The demo took 12.5 s.")).toBe(true);
  });

  it("says when the builds are tested without a sandbox", async () => {
    const { io, printed } = recordingIo({ readText: async (path) => files[path] ?? "" });
    const context = { io, exitCode: 0 };
    const command = demoCommand(context, {
      now: () => new Date("2026-11-24T15:00:00.000Z"),
      openLine: async (options) => new UnsandboxedLine(options, {}),
      interrupt: () => ({ signal: new AbortController().signal, dispose: () => undefined }),
      elapsedMs: () => 0,
      root: () => root,
      sleep: async () => undefined,
    });
    await command.parseAsync(["--home", home], { from: "user" });
    const { stdout, stderr } = printed();
    expect(stdout).toContain(
      "Builds are tested without a sandbox (bubblewrap does not work here).",
    );
    expect(stdout).not.toContain("bubblewrap sandbox.");
    expect(stderr).toBe("note: bubblewrap cannot create a namespace here\n");
  });

  it("exits 1 when an example is left unsettled", async () => {
    const result = await demo(["--home", home], {
      script: {
        finalState: (item) => (item.specPath.includes("todo-api") ? "trials" : "approved"),
      },
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain("1 not settled");
  });

  it("stops on Ctrl-C: the line's run gets the signal, and the demo says how to resume", async () => {
    const interrupt = new AbortController();
    const result = await demo(
      ["--home", home],
      { script: { finalState: () => "build", afterEvents: () => interrupt.abort() } },
      interrupt,
    );
    expect(result.lines[0]?.runs[0]?.signal).toBe(interrupt.signal);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      "Interrupted: running jobs were released; `shopfloor run` resumes them. 15 jobs run.\n",
    );
    expect(result.stdout).toContain("3 work items: 0 approved, 3 not settled\n");
  });

  it("refuses an unknown profile before submitting anything", async () => {
    const result = await demo(["--home", home, "--profile", "nonesuch"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/nonesuch/);
    expect(result.lines[0]?.submitted).toEqual([]);
  });
});
