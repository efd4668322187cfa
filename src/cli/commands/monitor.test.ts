import { describe, expect, it } from "vitest";
import { type LineCommandSetup, runLineCommand } from "../../../test/support/line-cli/line-fake.js";
import { sampleEvent } from "../../../test/support/line-cli/line-fixtures.js";
import {
  sampleBreachCycle,
  sampleCycle,
  sampleFixItemId,
  sampleWatchingCycle,
} from "../../../test/support/line-cli/release-fixtures.js";
import type { LineEvent, WorkItem } from "../../contracts/index.js";
import { type MonitorDependencies, monitorCommand } from "./monitor.js";

/** What the fix item does on the line: built, then deployed. */
function deployFix(item: WorkItem): LineEvent[] {
  const events = [
    sampleEvent("build.start", {
      build: `${item.id}.1.1`,
      attempt: 1,
      candidate: 1,
      agent: "scaffold",
    }),
    sampleEvent("release.end", {
      release: "todo-api-r3",
      state: "live",
      reason: "health check and smoke sample passed",
      address: "http://127.0.0.1:4101",
    }),
  ];
  return events.map((event) => ({ ...event, workItem: item.id }));
}

/** Runs `shopfloor monitor`; the injected wait records each pause and aborts on the `stopAfter`th. */
function monitor(argv: string[], setup: LineCommandSetup = {}, stopAfter = 1) {
  const controller = new AbortController();
  const waits: number[] = [];
  const wait = async (milliseconds: number, signal: AbortSignal) => {
    expect(signal).toBe(controller.signal);
    waits.push(milliseconds);
    if (waits.length >= stopAfter) controller.abort();
  };
  const run = runLineCommand<MonitorDependencies>(monitorCommand, ["monitor", ...argv], setup, {
    interrupt: () => ({ signal: controller.signal, dispose: () => undefined }),
    wait,
  });
  return { run, waits, controller };
}

describe("shopfloor monitor --once", () => {
  it("runs one cycle, prints it, and exits 0 when nothing breached", async () => {
    const { run, waits } = monitor(["--once"], { script: { cycles: [sampleWatchingCycle()] } });
    const result = await run;
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("Monitor cycle 11 at 15:00:00: 1 live release\n");
    expect(result.stdout).toContain("  health ok (3.0 ms) · 9/10 probes passed, p95 109 ms\n");
    expect(result.stdout).toContain("  SLO test: watching: 1 of 11 probes failed");
    expect(result.lines[0]?.cycles).toHaveLength(1);
    expect(result.lines[0]?.runs).toEqual([]);
    expect(waits).toEqual([]);
    expect(result.lines[0]?.closed).toBe(true);
  });

  it("works the fix item a breach opened down the line, printing its events, and exits 1", async () => {
    const { run, controller } = monitor(["--once"], {
      script: { cycles: [sampleBreachCycle()], events: deployFix, finalState: () => "live" },
    });
    const result = await run;
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stdout).toContain(
      "  BREACH: todo-api-r2 was rolled back; traffic is on todo-api-r1 again at http://127.0.0.1:4101\n",
    );
    expect(result.stdout).toContain(`\nWorking the line on 1 fix item: ${sampleFixItemId}\n`);
    expect(result.stdout).toContain(`${sampleFixItemId}         build     #1.1 scaffold building`);
    expect(result.stdout).toContain("release todo-api-r3 live at http://127.0.0.1:4101");
    expect(result.stdout).toContain(
      `Fix item ${sampleFixItemId} is live: shopfloor releases --service todo-api\n`,
    );
    // The cycle's own rollback and incident events are told by the cycle, not printed again.
    expect(result.stdout).not.toContain("incident 7c1e9a02 on todo-api-r2");
    const runs = result.lines[0]?.runs;
    expect(runs).toEqual([{ signal: controller.signal, items: [sampleFixItemId] }]);
  });

  it("leaves the fix items queued with --no-fix", async () => {
    const { run } = monitor(["--once", "--no-fix"], { script: { cycles: [sampleBreachCycle()] } });
    const result = await run;
    expect(result.exitCode).toBe(1);
    expect(result.lines[0]?.runs).toEqual([]);
    expect(result.stdout).toContain(
      `1 fix item queued (${sampleFixItemId}), not worked (--no-fix): \`shopfloor run\` works them.\n`,
    );
  });

  it("prints the cycle as one JSON line, then the fix work's events as JSON Lines", async () => {
    const { run } = monitor(["--once", "--json"], {
      script: { cycles: [sampleBreachCycle()], events: deployFix, finalState: () => "live" },
    });
    const result = await run;
    expect(result.exitCode).toBe(1);
    const lines = result.stdout
      .trimEnd()
      .split("\n")
      .map((text) => JSON.parse(text));
    expect(lines[0]).toEqual(sampleBreachCycle());
    expect(lines.slice(1).map((event) => event.type)).toEqual(["build.start", "release.end"]);
    expect(result.stderr).toContain(`Fix item ${sampleFixItemId} is live`);
  });

  it("says there is nothing to watch without a live release", async () => {
    const { run } = monitor(["--once"]);
    const result = await run;
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe("Monitor cycle 1 at 15:00:00: Nothing to watch: no live release.\n");
  });
});

describe("shopfloor monitor", () => {
  it("repeats a cycle every interval until interrupted", async () => {
    const cycles = [sampleWatchingCycle(1), sampleBreachCycle(2), sampleCycle(3, [])];
    const { run, waits } = monitor(["--interval", "30", "--no-fix"], { script: { cycles } }, 3);
    const result = await run;
    expect(result.exitCode, result.stderr).toBe(0);
    expect(waits).toEqual([30_000, 30_000, 30_000]);
    expect(result.lines[0]?.cycles).toEqual(cycles);
    expect(result.stdout).toMatch(
      /^Watching the live releases every 30 s; Ctrl-C stops\.\n\nMonitor cycle 1 /,
    );
    expect(result.stdout).toContain(
      "\n\nMonitor cycle 3 at 15:00:00: Nothing to watch: no live release.\n",
    );
    expect(result.stdout).toMatch(/\nStopped watching after 3 cycles \(1 breach\)\.\n$/);
  });

  it("says when a cycle fails and keeps watching; with --once the error is the command's", async () => {
    const cycles = [sampleWatchingCycle(2)];
    const script = { cycles, failingCycles: [1] };
    const { run, waits } = monitor(["--interval", "5", "--no-fix"], { script }, 2);
    const result = await run;
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      "monitor cycle failed: the release host did not answer; trying again in 5 s\n",
    );
    expect(waits).toEqual([5_000, 5_000]);
    expect(result.lines[0]?.cycles).toEqual(cycles);

    const once = await monitor(["--once"], { script: { failingCycles: [1] } }).run;
    expect(once.exitCode).not.toBe(0);
    expect(once.stderr).toContain("the release host did not answer");
  });

  it("counts the breaches of every cycle it ran", async () => {
    const cycles = [sampleBreachCycle(1), sampleBreachCycle(2)];
    const { run } = monitor(["--no-fix", "--json"], { script: { cycles } }, 2);
    const result = await run;
    expect(result.exitCode).toBe(0);
    expect(
      result.stdout
        .trimEnd()
        .split("\n")
        .map((text) => JSON.parse(text).cycle),
    ).toEqual([1, 2]);
    expect(result.stderr).toContain("Stopped watching after 2 cycles (2 breaches).");
  });

  it("waits the config's monitor.intervalSeconds by default, and keeps polling with nothing live", async () => {
    const { run, waits } = monitor(
      ["--config", "/project/shop.yaml"],
      { files: { "/project/shop.yaml": "monitor:\n  intervalSeconds: 5\n" } },
      2,
    );
    const result = await run;
    expect(result.exitCode, result.stderr).toBe(0);
    expect(waits).toEqual([5_000, 5_000]);
    expect(result.stdout.match(/Nothing to watch: no live release\./g)).toHaveLength(2);
  });

  it("stops without waiting when Ctrl-C comes during the fix work", async () => {
    const controller = new AbortController();
    const waits: number[] = [];
    const result = await runLineCommand<MonitorDependencies>(
      monitorCommand,
      ["monitor"],
      {
        script: {
          cycles: [sampleBreachCycle()],
          finalState: () => "build",
          afterEvents: () => controller.abort(),
        },
      },
      {
        interrupt: () => ({ signal: controller.signal, dispose: () => undefined }),
        wait: async (milliseconds) => {
          waits.push(milliseconds);
        },
      },
    );
    expect(result.exitCode).toBe(0);
    expect(waits).toEqual([]);
    expect(result.stdout).toContain(`Fix item ${sampleFixItemId} is build: shopfloor history`);
    expect(result.stdout).toContain("Interrupted: running jobs were released");
    expect(result.stdout).toContain("Stopped watching after 1 cycle (1 breach).");
  });

  it("refuses an interval that is not a positive number of seconds", async () => {
    for (const interval of ["0", "-5", "soon"]) {
      const { run } = monitor(["--interval", interval]);
      const result = await run;
      expect(result.exitCode, interval).toBe(2);
      expect(result.stderr).toContain("expected a number of seconds above 0");
      expect(result.lines).toEqual([]);
    }
  });

  it("documents its exit codes and examples", async () => {
    const { run } = monitor(["--help"]);
    const result = await run;
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("--no-fix");
    expect(result.stdout).toContain("1 it found one (rolled back, incident recorded)");
    expect(result.stdout).toContain("shopfloor monitor --once");
  });
});
