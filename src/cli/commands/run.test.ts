import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type LineCommandSetup, runLineCommand } from "../../../test/support/line-cli/line-fake.js";
import { sampleEvent } from "../../../test/support/line-cli/line-fixtures.js";
import { runInMemory } from "../../../test/support/memory-io.js";
import type { LineEvent, WorkItem } from "../../contracts/index.js";
import { packageRoot } from "../package-root.js";
import type { WatchFiles } from "./run/watch-specs.js";
import { type RunDependencies, runCommand } from "./run.js";

const files = {
  "/project/specs/todo-api.md": "# todo",
  "/project/specs/tempconv.md": "# tempconv",
};

function settle(item: WorkItem, to: "approved" | "exception"): LineEvent[] {
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
    sampleEvent("work-item.transition", { from: "gate", to, reason: "decided", attempt: 1 }),
  ];
  return events.map((event) => ({ ...event, workItem: item.id }));
}

function run(
  argv: string[],
  setup: LineCommandSetup = {},
  extra: Partial<Omit<RunDependencies, "openLine" | "now" | "timeZone">> = {},
) {
  const aborted = new AbortController();
  return runLineCommand<RunDependencies>(
    runCommand,
    ["run", ...argv],
    { files, ...setup },
    {
      interrupt: () => ({ signal: aborted.signal, dispose: () => undefined }),
      watchFiles: () => ({ close: () => undefined }),
      ...extra,
    },
  );
}

describe("shopfloor run", () => {
  it("submits each spec, prints each event, then each outcome with its gate report", async () => {
    const result = await run(["specs/todo-api.md", "specs/tempconv.md"], {
      script: { events: (item) => settle(item, "approved") },
    });
    expect(result.exitCode, result.stderr).toBe(0);
    const line = result.lines[0];
    expect(line?.submitted.map((request) => request.specPath)).toEqual([
      "/project/specs/todo-api.md",
      "/project/specs/tempconv.md",
    ]);
    expect(line?.submitted[0]?.lineUp).toBeUndefined();
    expect(line?.runs[0]?.items).toEqual(["todo-api-000001", "tempconv-000002"]);
    expect(result.stdout).toContain(
      "14:02:11 todo-api-000001         build     #1.1 scaffold built 9f3c2e1 ($0.00)\n",
    );
    expect(result.stdout).toContain("── todo-api-000001 (todo-api): approved, build #1.1");
    expect(result.stdout).toContain("decision: approve");
    expect(result.stdout).toContain("next: shopfloor history tempconv-000002");
    expect(result.stdout).toContain("2 work items: 2 approved\n");
    expect(line?.closed).toBe(true);
  });

  it("exits 1 when an item goes to the exception queue, and says where to look", async () => {
    const result = await run(["specs/todo-api.md"], {
      script: { events: (item) => settle(item, "exception"), finalState: () => "exception" },
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain("exception gate → exception: decided");
    expect(result.stdout).toContain(
      "next: shopfloor history todo-api-000001, shopfloor exceptions",
    );
  });

  it("refuses a missing spec or an unknown profile before anything is submitted", async () => {
    const missing = await run(["specs/todo-api.md", "specs/nope.md"]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain("there is no spec file /project/specs/nope.md");
    expect(missing.lines).toEqual([]);
    const profile = await run(["specs/todo-api.md", "--profile", "nope"]);
    expect(profile.exitCode).toBe(2);
    expect(profile.lines[0]?.submitted).toEqual([]);
    const bestOf = await run(["specs/todo-api.md", "--best-of", "40"]);
    expect(bestOf.exitCode).toBe(2);
  });

  it("submits with the line-up and profile the options give", async () => {
    const result = await run([
      "specs/todo-api.md",
      "--agent",
      "scaffold",
      "--best-of",
      "3",
      "--faults",
      "0.5",
      "--profile",
      "standard",
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.lines[0]?.submitted[0]).toMatchObject({
      profile: "standard",
      lineUp: {
        pattern: "best-of",
        candidates: 3,
        agents: [{ agent: "scaffold", faults: { probability: 0.5, seed: 1 } }],
      },
    });
  });

  it("prints events as JSON Lines and a final summary with --json", async () => {
    const result = await run(["specs/todo-api.md", "--json"], {
      script: { events: (item) => settle(item, "approved") },
    });
    const lines = result.stdout
      .trimEnd()
      .split("\n")
      .map((text) => JSON.parse(text));
    expect(lines.slice(0, 3).map((event) => event.type)).toEqual([
      "build.start",
      "build.end",
      "work-item.transition",
    ]);
    expect(lines[3]).toMatchObject({ jobsRun: 5, exitCode: 0, items: [{ state: "approved" }] });
    expect(lines).toHaveLength(4);
  });

  it("with no spec, works what is queued and reports on the items it touched", async () => {
    const idle = await run([]);
    expect(idle.exitCode).toBe(0);
    expect(idle.lines[0]?.runs[0]?.items).toBeUndefined();
    expect(idle.stdout).toContain("No work item was touched");
  });

  it("stops cleanly on Ctrl-C and says how to resume", async () => {
    const controller = new AbortController();
    const result = await run(
      ["specs/todo-api.md"],
      { script: { finalState: () => "trials", afterEvents: () => controller.abort() } },
      { interrupt: () => ({ signal: controller.signal, dispose: () => undefined }) },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      "Interrupted: running jobs were released; `shopfloor run` resumes them.",
    );
    expect(result.stdout).toContain("not settled: waiting at trials");
    expect(result.lines[0]?.runs[0]?.signal).toBe(controller.signal);
  });

  it("--watch submits a spec again when its text changes", async () => {
    const watchedFiles = { ...files };
    let notify: (path: string) => void = () => undefined;
    const watchFiles: WatchFiles = (_paths, onChange) => {
      notify = onChange;
      return { close: () => undefined };
    };
    const result = await run(
      ["specs/todo-api.md", "--watch"],
      {
        files: watchedFiles,
        script: {
          events: (item) => settle(item, "approved"),
          afterEvents: () => {
            notify("/project/specs/todo-api.md");
            watchedFiles["/project/specs/todo-api.md"] = "# todo, clarified";
            notify("/project/specs/todo-api.md");
          },
        },
      },
      { watchFiles },
    );
    expect(result.exitCode, result.stderr).toBe(1);
    const line = result.lines[0];
    expect(line?.runs[0]?.untilIdle).toBe(false);
    expect(line?.submitted).toHaveLength(2);
    expect(result.stdout).toContain(
      "/project/specs/todo-api.md changed: submitted again as todo-api-000002",
    );
    expect(result.stdout).toContain("── todo-api-000001 (todo-api): approved");
    expect(result.stdout).toContain("1 work item: 0 approved, 1 not settled");
  });
});

describe("shopfloor run, status, history and exceptions on the real line", () => {
  it("works an example spec down the line to approval and reads it back", async () => {
    const folder = mkdtempSync(join(tmpdir(), "shopfloor-run-"));
    try {
      const spec = join(packageRoot(), "examples", "todo-api", "spec.md");
      const cli = (argv: string[]) =>
        runInMemory(
          [...argv, "--home", "home"],
          {
            [spec]: readFileSync(spec, "utf8"),
            // Deploys start a host daemon; test/deploy covers them.
            [join(folder, "shopfloor.config.yaml")]: "deploy: { enabled: false }\n",
          },
          "",
          folder,
        );
      const result = await cli(["run", spec, "--agent", "scaffold"]);
      expect(result.exitCode, result.stderr).toBe(0);
      const id = /── (todo-api-[0-9a-f]{6}) \(todo-api\): approved, build #1\.1/.exec(
        result.stdout,
      )?.[1];
      expect(id, result.stdout).toBeDefined();
      expect(result.stdout).toMatch(/ {2}trials {4}#1\.1 round 1: 180 trials, 0 failed/);
      expect(result.stdout).toContain("decision: approve");
      const status = await cli(["status"]);
      expect(status.stdout).toContain(
        "Items per state: intake 0 · build 0 · scenarios 0 · trials 0 · gate 0 · approved 1",
      );
      const history = await cli(["history", id ?? "", "--json"]);
      const parsed = JSON.parse(history.stdout);
      expect(parsed.item.state).toBe("approved");
      expect(parsed.builds[0].run.commit).toMatch(/^[0-9a-f]{40}$/);
      const exceptions = await cli(["exceptions"]);
      expect(exceptions.stdout).toBe("No open exceptions: the line decided everything itself.\n");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
