/**
 * The line survives kill -9 (issue 8, "Must show"): the built `shopfloor run` works the todo-api spec
 * (a bigger suite, through the spec's front matter, so there is a middle of the trials to be caught in)
 * with the scaffold agent; when some of its trials are stored and not all, the process group is killed
 * with SIGKILL; `shopfloor run` with no spec resumes the queue to the end. The verdict is the one an
 * uninterrupted run with the same seed reaches in a home of its own, every scenario has exactly one
 * trial, the resumed job ran only the missing ones, and the ledger holds one settled reservation and one
 * charge for the round.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { GateVerdict } from "../../src/contracts/gate-verdict.js";
import { type HomeReader, readHome, tryReadHome } from "./support-integration/home-reader.js";
import {
  isGroupAlive,
  pollUntil,
  processesUnder,
  repositoryRoot,
  runShopfloor,
  startShopfloor,
} from "./support-integration/shopfloor-process.js";

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "shopfloor-kill-resume-"));
  const todo = readFileSync(join(repositoryRoot, "examples/todo-api/spec.md"), "utf8");
  const bigger = todo.replace(
    "profile: admin\n",
    "profile: admin\nscenarios: { normal: 400, edge: 200, malicious: 100 }\n",
  );
  expect(bigger).not.toBe(todo);
  writeFileSync(join(folder, "spec.md"), bigger);
  writeFileSync(
    join(folder, "shopfloor.config.yaml"),
    "line:\n  seed: 7\n  lineUp: { pattern: single, agent: { agent: scaffold } }\ndeploy: { enabled: false }\n",
  );
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What two runs must agree on: the decision and, per category, the scenarios and trials judged. */
function verdictSummary(verdict: GateVerdict | undefined) {
  return {
    decision: verdict?.decision,
    categories: verdict?.categories.map(({ category, scenarios, trials, status }) => ({
      category,
      scenarios,
      trials,
      status,
    })),
  };
}

function onlyItem(reader: HomeReader) {
  const items = reader.items();
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item === undefined) throw new Error("no work item");
  return item;
}

describe("a line killed with SIGKILL in the middle of its trials", () => {
  it("resumes to the verdict of an uninterrupted run, with every trial counted once", async () => {
    const referenceHome = join(folder, "reference-home");
    const killedHome = join(folder, "killed-home");

    const uninterrupted = await runShopfloor(
      ["run", "spec.md", "--home", referenceHome, "--json"],
      folder,
    );
    expect(uninterrupted.exitCode, uninterrupted.stderr).toBe(0);

    // The orchestrator to kill, watched through a read-only connection to its database.
    const orchestrator = startShopfloor(["run", "spec.md", "--home", killedHome, "--json"], folder);
    let watcher: HomeReader | undefined;
    let seen = "nothing yet";
    const midway = await pollUntil(
      "some trials stored and not half of them",
      () => {
        watcher ??= tryReadHome(killedHome);
        if (watcher === undefined) return undefined;
        const [item] = watcher.items();
        if (item === undefined) return undefined;
        const [started] = watcher.eventsOf(item.id, "trials.start");
        const stored = watcher.trialCount();
        seen = `${item.state}, ${stored} trials stored`;
        if (started === undefined || stored === 0) return undefined;
        if (stored > started.payload.scenarios / 2) {
          throw new Error(`the trials ran too fast to be caught midway: ${seen}`);
        }
        return {
          item: item.id,
          build: started.payload.build,
          suiteSize: started.payload.scenarios,
        };
      },
      { deadlineMs: 120_000, intervalMs: 2, seen: () => seen },
    );
    process.kill(-orchestrator.pid, "SIGKILL");
    watcher?.close();

    const killed = await orchestrator.exited;
    expect(killed.signal).toBe("SIGKILL");
    await pollUntil(
      "the orchestrator's process group to be gone",
      () => (isGroupAlive(orchestrator.pid) ? undefined : true),
      { deadlineMs: 10_000 },
    );
    // The build under test runs in a process group of its own: it must not outlive the orchestrator.
    await pollUntil(
      "no process left working on the killed home",
      () => (processesUnder(killedHome).length === 0 ? true : undefined),
      { deadlineMs: 10_000, seen: () => processesUnder(killedHome).join(", ") },
    );

    const afterKill = readHome(killedHome);
    const storedBeforeKill = afterKill.trialCount(midway.build);
    expect(onlyItem(afterKill).state).toBe("trials");
    afterKill.close();
    expect(storedBeforeKill).toBeGreaterThan(0);
    expect(storedBeforeKill).toBeLessThan(midway.suiteSize);

    const resumed = await runShopfloor(["run", "--home", killedHome, "--json"], folder);
    expect(resumed.exitCode, resumed.stderr).toBe(0);

    const reference = readHome(referenceHome);
    const home = readHome(killedHome);
    try {
      const referenceItem = onlyItem(reference);
      const item = onlyItem(home);
      expect(item.state).toBe("approved");
      expect(item.approvedBuild).toBe(midway.build);
      // The same seed gives the same suite, and the same suite the same verdict.
      expect(item.suite).toBe(referenceItem.suite);
      const [referenceBuild] = reference.builds(referenceItem.id);
      const builds = home.builds(item.id);
      expect(builds.map((build) => [build.id, build.state])).toEqual([[midway.build, "gated"]]);
      expect(verdictSummary(builds[0]?.verdict)).toEqual(verdictSummary(referenceBuild?.verdict));
      expect(builds[0]?.verdict?.decision).toBe("approve");

      // Every scenario of the suite has exactly one trial: none lost, none run twice.
      const trials = home.trials(midway.build);
      expect(trials).toHaveLength(midway.suiteSize);
      expect(new Set(trials.map((trial) => trial.scenario)).size).toBe(midway.suiteSize);
      expect(trials.every((trial) => trial.attempt === 1)).toBe(true);
      expect(new Set(trials.map((trial) => trial.scenario))).toEqual(
        new Set(reference.trials(referenceBuild?.id ?? "").map((trial) => trial.scenario)),
      );

      // The events show the resume: round 1 started again for the missing trials only, and nothing
      // before the trials (build, suite, moves) was done twice.
      const resumedTrials = midway.suiteSize - storedBeforeKill;
      const count = (type: Parameters<HomeReader["eventsOf"]>[1]) =>
        home.eventsOf(item.id, type).length;
      expect(home.eventsOf(item.id, "trials.start").map((event) => event.payload)).toEqual([
        { build: midway.build, round: 1, scenarios: midway.suiteSize },
        { build: midway.build, round: 1, scenarios: resumedTrials },
      ]);
      // The round ends once, with every trial of it: those of the killed process too.
      const ends = home.eventsOf(item.id, "trials.end");
      expect(ends.map(({ payload }) => [payload.round, payload.trials])).toEqual([
        [1, midway.suiteSize],
      ]);
      expect([count("build.start"), count("build.end"), count("suite.ready")]).toEqual([1, 1, 1]);
      expect(count("gate.verdict")).toBe(1);
      const moves = (reader: HomeReader, id: string) =>
        reader.eventsOf(id, "work-item.transition").map((event) => event.payload.to);
      expect(moves(home, item.id)).toEqual(moves(reference, referenceItem.id));

      // Each job ran to done once; the dead orchestrator's lease was taken back at once, unspent.
      const jobs = home.jobs();
      expect(jobs.map((job) => job.station)).toEqual([
        "intake",
        "build",
        "scenarios",
        "trials",
        "gate",
      ]);
      expect(jobs.every((job) => job.state === "done")).toBe(true);
      const trialsJob = jobs.find((job) => job.station === "trials");
      expect(trialsJob).toMatchObject({ attempt: 1, expirations: 0 });

      // The ledger: the round's reservation, made before the kill, was reused (not held twice) and
      // settled. Its charge covers every trial of the round: the resumed trials' CPU time as
      // measured, and the trials of the killed process (whose measure died with it) at the resumed
      // run's CPU time per trial.
      const run = `${midway.build}.trials.1`;
      const testing = home.reservations(item.id).filter((each) => each.category === "testing");
      expect(testing.map(({ run: label, state }) => [label, state])).toEqual([[run, "settled"]]);
      const charges = home.charges(item.id).filter((charge) => charge.category === "testing");
      expect(charges.length).toBeGreaterThan(0);
      for (const charge of charges) {
        expect(charge).toMatchObject({ station: "trials", run, reservation: testing[0]?.id });
      }
      const chargedCpu = charges.reduce((sum, charge) => sum + charge.cpuSeconds, 0);
      const resumedCpu = ends[0]?.payload.cpuSeconds ?? 1;
      expect(chargedCpu).toBeCloseTo((resumedCpu * midway.suiteSize) / resumedTrials, 6);
      expect(charges.reduce((sum, charge) => sum + charge.amountMicroUsd, 0)).toBeGreaterThan(0);
      const buildCharges = home.charges(item.id).filter((charge) => charge.station === "build");
      expect(buildCharges.map((charge) => charge.run)).toEqual([midway.build]);
    } finally {
      reference.close();
      home.close();
    }
  });
});
